"""The dashboard: server-rendered pages over the same ``Store`` calls as the REST API (see ``views``)."""
