"""The package version, in one place (records name the version that produced them)."""

__version__ = "0.1.0"
