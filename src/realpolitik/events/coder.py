"""The rule coder: PLOVER events from a parsed article and its actor mentions. A trigger (a verb or an intent
adjective found by ``triggers``, or an event noun found by ``nominal``) is matched with its object pattern; the
coder finds who acts and on whom (``coding_args``; a reaction is aimed at the act's author), decides modality
(``modality``), turns offers and intentions into AGREE, crowds' violence into violent protest and states' protests
into complaints, takes contexts from the entry and the clause's cue words, and fills CAMEO code, quad class,
Goldstein score, domain, confidence and rule. Compound actors give one event per pair; reciprocal acts ("X and Y
met") give both directions. The evidence is the clause coded (with its reporting verb for reported speech)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from itertools import permutations

from spacy.tokens import Doc, Span, Token

from realpolitik.events.arguments import (
    Argument,
    MentionIndex,
    argument,
    child,
    deictic_target,
    focus_states,
    localized,
    partner_object,
    passive_patient,
    place_country,
    prep_object,
    real_object,
    sole_state,
    subject_of,
)
from realpolitik.events.authors import is_verbal_attack, relayed_addressee, relayed_author, utterance_author
from realpolitik.events.clauses import (
    blames,
    complement_words,
    dated_before,
    evidence_span,
    in_passing,
    is_crowd,
    listed_participle,
    main_clause,
    message_participle,
    predicate_of,
    refs_in,
    subject_word,
)
from realpolitik.events.context import (
    CodingContext,
    clause_words,
    entry_of,
    is_done,
    readout_sides,
    sentence_domains,
    title_organisation,
    title_organisations,
)
from realpolitik.events.domains import (
    accusation_contexts,
    clause_contexts,
    event_domain,
    first_domain,
    listed_domain,
)
from realpolitik.events.modality import future_intent, modality_of, turned_out_to_protest
from realpolitik.events.nominal import (
    act_author,
    is_news,
    nominal_events,
    noun_governors,
    own_act_noun,
    reaction_object,
    topic_of,
)
from realpolitik.events.parties import (
    earlier_occasion,
    joined_organisation,
    names_unknown,
    orders_own_bodies,
    partner_within,
    people_of,
    thanked_deeds,
    tokens_of,
    with_others,
)
from realpolitik.events.praise import addressed_praise
from realpolitik.events.readouts import (
    attendance,
    commitments,
    gathers_people,
    official_travel,
    own_word,
    witnessed_signings,
)
from realpolitik.events.reported import other_reading, reported_acts
from realpolitik.events.rewrites import Reading, rewrite
from realpolitik.events.targets import is_measure, measure_author, protest_addressee, target_of
from realpolitik.events.triggers import Match, find_triggers, governors_of, verb_lemma
from realpolitik.model import ActorRef, Article, Event, Mention, stable_id
from realpolitik.ontology import DEFAULT_CAMEO, QUAD_CLASS, cameo_entry, cues
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry, load_lexicon
from realpolitik.resolve.participants import is_bilateral_forum, is_readout

VERSION = "rules-0.2"
_TOPIC_VERBS = cues.words("topic_verbs")

# The state's own institutions (and the country as such), as opposed to its opposition, rebels or civilians.
_INSTITUTIONS = frozenset({None, "GOV", "LEG", "JUD", "ELI"})

# Target roles that name a topic rather than who was acted on ("talks on fishing rights"): not localized.
_TOPIC_ROLES = frozenset({"prep:over", "prep:for", "prep:about"})


def _is_statement(entry: LexiconEntry) -> bool:
    """Entries that recognise a public statement (CAMEO 01) so that it is not mistaken for a coded act."""
    info = cameo_entry(entry.cameo)
    return info is not None and info.type is None and entry.cameo.startswith("01")


def _names_a_counterpart(target: Argument | None, match: Match) -> bool:
    """For a reciprocal act (met, discussed, signed, agreed), is the target a party to it ("met Putin", "talks
    with Japan") rather than its topic or place ("discussed the situation in Syria")?"""
    if target is None:
        return False
    if target.how == "complement" and match.entry.type == "CONSULT":
        return False  # "discussed how the US withdrawal will affect Syria": what was discussed, not with whom
    if target.how in ("prep:with", "prep:between", "prep:to", "patient", "dative", "complement"):
        return True
    if target.how == "object" and match.token.lemma_.lower() in _TOPIC_VERBS:
        return False  # "We also discussed Syria today": what was discussed, not with whom
    if target.how != "object" or not any(r.code for r in target.refs):
        return False  # "discussed a number of current issues": an object naming no actor is the talks' topic
    head = match.obj or next((c for c in match.token.children if c.dep_ == "dobj"), None)
    if head is None:
        return False
    for ref in target.refs:
        if ref.start is None:
            continue
        # the mention may take in the object's article ("the Syria" of "the Syria issue"): start after it
        token = next((t for t in head.subtree if t.idx >= ref.start and t.dep_ != "det"), None)
        if token is not None and _party_path(token, head, object_pattern=match.obj is not None):
            return True
    return False


def _party_path(token: Token, head: Token, object_pattern: bool) -> bool:
    """Is ``token`` a party of the act whose object is ``head``: the object itself, a coordinated object, or the
    modifier of one that names people ("met his Chinese counterpart"), or, for an object pattern, in the
    object's "with"/"between" phrase ("deepened cooperation with Tajikistan"); not a word about a topic ("the
    situation in Syria", "intra-CIS relations")?"""
    parties = cues.words("party_nouns")
    while token.i != head.i:
        if token.dep_ == "pobj":
            prep = token.head
            if not (object_pattern and prep.lower_ in ("with", "between", "among")):
                return False
            token = prep.head
            continue
        if token.dep_ in ("amod", "compound", "nmod", "poss") and token.head.lemma_.lower() not in parties:
            if not (token.head.pos_ == "PROPN" or token.head.ent_type_):
                return False  # "intra-CIS relations": a modifier of a thing, not of a party
        elif token.dep_ not in ("amod", "compound", "poss", "nmod", "appos", "conj", "cc", "det", "prep"):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _events_for(
    match: Match,
    sent_index: int,
    sent: Span,
    ctx: CodingContext,
    source: Argument | None,
    target: Argument | None,
    words: list[Token],
    crowd: bool = False,
) -> list[Event]:
    """The events of one trigger between the actors of ``source`` and ``target``; ``crowd`` says the acting
    side is a crowd of protesters (otherwise read off the trigger's subject)."""
    entry, trigger, lex = match.entry, match.token, ctx.lex
    (kind, cameo), (modality, cue) = (entry.type, entry.cameo), modality_of(trigger, match.governors, lex)
    contexts = clause_contexts(entry, words, lex)
    domain_hint = first_domain(contexts)
    future = future_intent(trigger, match.governors, lex)
    lemma = verb_lemma(trigger, lex.verbs) if trigger.pos_ in ("VERB", "AUX") else trigger.lemma_.lower()
    rule = f"{kind.lower()}: {lemma}" + (f" + {match.obj.lemma_.lower()}" if match.obj else "")
    reading, _fired = rewrite(
        Reading(
            type=kind,
            cameo=cameo,
            modality=modality,
            cue=cue,
            act=rule.split(": ", 1)[1],
            rule=rule,
            by=match.intent_by.lemma_.lower() if match.intent_by is not None else None,
            future=future,
            consequent=not any(c.dep_ == "mark" for c in trigger.children),
            marked=any(c.dep_ == "mark" for t in (trigger, *match.governors) for c in t.children),
            crowd=kind in ("ASSAULT", "COERCE") and (crowd or is_crowd(child(trigger, "nsubj"))),
            passing=in_passing(trigger, match.governors),
            history=dated_before(words, ctx.article.published or date.today()),
            contexts=contexts,
            domain=domain_hint,
            lemma=lemma,
            words=frozenset(
                w
                for t in (*words, *predicate_of(trigger), *thanked_deeds(trigger), *earlier_occasion(words))
                for w in (t.lower_, t.lemma_.lower())
            ),
            governors=frozenset(g.lemma_.lower() for g in match.governors),
            complement=complement_words(trigger),
            own_word=own_word(trigger, source, ctx.index),
            noun=trigger.pos_ in ("NOUN", "PROPN"),
            subject=subject_word(trigger, match.governors),
            blames=blames(trigger),
        ),
        lex.rules.rewrites,
    )
    if reading.drop:
        return []
    kind, cameo, modality = reading.type, reading.cameo, reading.modality
    cue, rule = reading.cue, reading.rule
    contexts = accusation_contexts(kind, entry, trigger, words, lex, contexts)
    if cue:
        rule += f" [{cue}]"
    info = cameo_entry(cameo) or cameo_entry(DEFAULT_CAMEO[kind])
    coded = tuple(c for c in (info.contexts if info else ()) if c not in contexts)
    domain = event_domain(kind, rule, lemma, contexts, coded, lambda: ctx.domain_near(sent_index))
    if domain_hint is None:
        # "The following documents were signed:" is about what the list under it says
        domain = listed_domain(sent, ctx.sentence_domains[sent_index + 1 :]) or domain
    contexts = (*contexts, *coded)
    confidence = 0.6 + (0.1 if match.obj is not None else 0.0) - (0.2 if entry.weak else 0.0)
    if modality != "asserted":
        confidence -= 0.1

    sources = source.refs if source else ()
    if kind == "PROTEST":
        # people protesting are civilians unless the text says who they are ("thousands", "crowds")
        sources = tuple(
            replace(r, sector="CVL") if (r.kind == "group" or people_of(r)) and r.sector is None else r
            for r in sources
        )
    targets = target.refs if target else ()
    if not any(t.code for t in targets):
        sources = ctx.whole_group(sources, kind, reading.words)
    # "we are ready to do this on our side": the side acting, not someone acted on (a group that only took its
    # state from the place or the sentence, "+place", "+sole", is not known to be that side; "the border" that
    # took the actor's own state, "+home", is)
    localized_side = (source is not None and "+" in source.how) or (
        target is not None and target.how.endswith(("+sole", "+place"))
    )
    own = set() if localized_side else {(s.code, s.sector) for s in sources if s.code}
    if (
        targets
        and own
        and all((t.code, t.sector) in own for t in targets if t.code)
        and any(t.code for t in targets)
    ):
        targets = ()
    if kind == "PROTEST" and target is not None and target.how.startswith("location"):
        targets = protest_addressee(targets, sources)
    if (
        target is not None
        and target.how == "clause"
        and {t.code for t in targets} <= {c for c, _ in own}
        and {t.sector for t in targets} | {s for _, s in own} <= _INSTITUTIONS
    ):
        # "congratulated meeting participants on winning the State Duma elections": an institution of the
        # actor's own state found deep in the clause is what the act is about, not whom it is done to (its
        # opposition or rebels would be: "resigned after protests by the opposition")
        targets = ()
    others = with_others(trigger)
    if not targets:
        deictic = deictic_target(trigger, ctx.focus, sources)
        if deictic is not None:
            target, targets = deictic, deictic.refs
    if (
        not any(t.code for t in targets)
        and not (entry.reciprocal and len({s.code for s in sources if s.code}) > 1)
        and not others
        # "met with President of the International Olympic Committee Thomas Bach": a named counterpart the
        # knowledge base does not know is still the counterpart, not the readout's other side
        and not names_unknown(target, trigger.doc)
        # "I have visited it recently", "visited the plant": a visit to a place that names no actor was no visit to
        # the readout's other side
        and not (cameo == "042" and child(trigger, "dobj") is not None)
        # "we completely oppose the global proliferation of weapons" at a news conference after talks: a position
        # taken against something ("we condemn this act committed by terrorists") is no conflict with the other side
        and (QUAD_CLASS[kind] <= 2 or kind == "REQUEST")
    ):
        other = (
            partner_within(trigger, kind, ctx, sources)
            or ctx.counterpart(sources, kind, is_done(trigger, match.governors))
            or (ctx.pair_partner(sources) if entry.reciprocal else None)
        )
        if other is not None:
            target, targets = other, other.refs
    pairs: list[tuple[ActorRef | None, ActorRef | None]]
    coded_sources = [s for s in sources if s.code]
    parties = {r.code for r in (*sources, *targets) if r.code}
    joined = joined_organisation(kind, sources, targets, words, ctx) if len(parties) > 3 else None
    if joined is not None:
        # "the heads of six states - China, Russia, ... - signed a declaration on the establishment of the SCO",
        # "The EAEU signed agreements with China, Vietnam, Iran, Serbia and Singapore": each party with the
        # organisation (docs/annotation.md)
        members = {r.code: r for r in (*sources, *targets) if r.code and r.code != joined.code}
        if any(r.code == joined.code for r in sources):
            pairs = [(joined, member) for member in members.values()]
        else:
            pairs = [(member, joined) for member in members.values()]
    elif len(parties) > 3 and (entry.reciprocal or kind == "CONSULT"):
        return []  # a gathering of more than three parties is not a web of pairs (docs/annotation.md)
    elif entry.reciprocal and len(coded_sources) >= 2 and not any(t.code for t in targets) and not others:
        pairs = list(permutations(coded_sources, 2))
    else:
        pairs = [(s, t) for s in (sources or (None,)) for t in (targets or (None,))]
    span_start, span_end = evidence_span(trigger, match.governors, sent)
    out: list[Event] = []
    for src, tgt in pairs:
        if src is None and tgt is None:
            continue
        if (
            src is not None
            and tgt is not None
            and (src.start, src.end, src.text, src.code) == (tgt.start, tgt.end, tgt.text, tgt.code)
        ):
            continue  # one phrase on both sides; two actors of one country (government, opposition) are kept
        score = confidence
        score += 0.1 if src is not None and src.code else -0.15
        score += 0.05 if tgt is not None and tgt.code else -0.05
        if source is not None and source.how in ("topic", "relative"):
            score -= 0.15
        if trigger.tag_ in ("VBD", "VBN") and official_travel(entry, src, tgt, target):
            score += 0.2  # "You came to India last year": an official going to another state visits it
        if source is not None and source.how.endswith("+sole"):
            score -= 0.25  # a group given the sentence's only state: coded, but no surer than unresolved
        if target is not None and target.how == "deictic":
            score -= 0.1
        if main_clause(trigger, match.governors, coordinated=cue == "performative") or (
            turned_out_to_protest(trigger) and main_clause(trigger.head, ())
        ):
            score += 0.1  # the main clause carries the sentence's news
        if (
            trigger.dep_ == "acl"
            and trigger.tag_ == "VBN"
            and not (main_clause(trigger, ()) or listed_participle(trigger))
        ):
            score -= 0.15  # "the curfew imposed in Sudan": background to the sentence, not its news
        how = f"{source.how if source else '-'}/{target.how if target else '-'}"
        out.append(
            Event(
                id=stable_id(
                    ctx.article.id,
                    sent_index,
                    trigger.idx,
                    trigger.idx + len(trigger.text),
                    (src.code or src.text) if src else None,
                    (tgt.code or tgt.text) if tgt else None,
                    kind,
                ),
                article_id=ctx.article.id,
                sentence_index=sent_index,
                # Actors named in this sentence widen the evidence; one inherited from an earlier sentence
                # (or a deictic "there") does not drag the span across paragraphs.
                start=min([span_start, *(r.start for r in refs_in(sent, src, tgt) if r.start is not None)]),
                end=max([span_end, *(r.end for r in refs_in(sent, src, tgt) if r.end is not None)]),
                source=src,
                target=tgt,
                type=kind,
                mode=entry.mode or (info.mode if info else None),
                contexts=contexts,
                domain=domain,
                modality=modality,
                cameo=cameo,
                quad_class=QUAD_CLASS[kind],
                goldstein=info.goldstein if info else None,
                confidence=round(min(0.95, max(0.05, score)), 3),
                rule=f"{rule} ({how})",
                trigger_start=trigger.idx,
                trigger_end=trigger.idx + len(trigger.text),
                version=VERSION,
            )
        )
    return out


def _code_sentence(sent: Span, sent_index: int, ctx: CodingContext) -> list[Event]:
    lex = ctx.lex
    triggers = find_triggers(sent, lex)
    consumed: set[int] = set()
    absorbed: set[int] = set()
    plans: list[Match] = []
    for _i, match in sorted(triggers.items()):
        match.governors = tuple(governors_of(match.token))
        governing = next((triggers[g.i] for g in match.governors if g.i in triggers), None)
        if match.obj is not None:
            consumed.update(t.i for t in (match.obj, real_object(match.obj)))
        if governing is not None:
            if governing.entry.type == "AGREE" and not governing.entry.weak and orders_own_bodies(match):
                continue  # "agreed to instruct their governments to ...": the agreement is the event
            if governing.entry.intent and governing.entry.weak and child(match.token, "nsubj") is not None:
                continue  # "Obama wants Putin to attack": a wish about another's act is neither's event
            if governing.entry.intent and not (match.entry.intent and match.entry.type == "AGREE"):
                match.intent_by = governing.token
                absorbed.add(governing.token.i)
            else:
                continue  # "urged X to withdraw", "refused to meet": the governing act is the event
        plans.append(match)
    events: list[Event] = []
    sole = sole_state(list(sent), ctx.index) if plans else None
    attended = attendance(sent, ctx, triggers)
    attending = {c.match.token.i for c in attended}
    for match in plans:
        if match.token.i in absorbed or match.token.i in attending:
            continue  # an organisation's meeting: each participant with the organisation (readouts.attendance)
        entry = match.entry
        if entry.intent and entry.type == "AGREE" and (entry.weak or entry.pos == "noun"):
            continue  # "plans to", "decided to" without a coded act say too little
        if _is_statement(entry):
            continue  # CAMEO 01 ("declined to comment", "expressed condolences"): PLOVER has no such event
        verb = match.token
        subject = child(verb, "nsubj")
        if entry.weak and subject is not None and subject.lemma_.lower() in lex.nouns:
            continue  # "the deployment of troops arrived in Bosnia": the event noun, not the travel, is the news
        if entry.pos == "adj":
            source = subject_of(verb.head, ctx.index) if verb.dep_ == "acomp" else subject_of(verb, ctx.index)
        else:
            source = subject_of(verb, ctx.index)
        if message_participle(verb):
            source = subject_of(verb.head.head, ctx.index)  # "Putin sent a message congratulating Akayev"
        if source is None and passive_patient(verb) is not None:
            # "Three Palestinians were killed in an Israeli air strike": the act's author did it.
            held = prep_object(verb, ("in", "during", "by"))
            source = act_author(held[0], lex, ctx.index) if held is not None else None
        if source is None and entry.reciprocal and (_passive(verb) or listed_participle(verb)):
            # "An appropriate joint statement was approved", "The schedule was agreed", "Other documents signed
            # included ..." in a readout: its sides.
            source = ctx.both_sides()
        reading = other_reading(entry, verb, subject, source, lex)
        if reading is not None:
            # "China protested to Japan": a state or official protesting lodges a complaint, not a demonstration.
            match = Match(verb, reading, governors=match.governors, intent_by=match.intent_by)
            entry = reading
        source_tokens = {t.i for r in (source.refs if source else ()) for t in tokens_of(verb.doc, r)}
        target = target_of(match, ctx.index, source_tokens)
        if entry.reciprocal and not _names_a_counterpart(target, match):
            # the topic of talks or where they were held is not who they were held with: "discussed the
            # situation in Syria with Tokayev" was held with Tokayev, "discussed the situation in Syria" with nobody
            hit = partner_object(verb)
            target = argument(hit[0], ctx.index, f"prep:{hit[1]}") if hit is not None else None
        if is_verbal_attack(entry, verb, match.obj, lex):
            # "attacked the proclamation of X as Y by Z": criticism of Z, and of no one if no one is named
            target = utterance_author(match.obj, ctx.index) if match.obj is not None else None
            if target is None:
                continue
        elif entry.type in lex.rules.reactions and not own_act_noun(match.obj, match.entry, lex):
            # "condemned the attack by Osgiliath soldiers": the reaction is aimed at whoever did the act; at a measure's
            # author only ("will not support new sanctions on Syria": Syria is not the one rejected)
            reacted = match.obj or reaction_object(verb)
            measure = (
                measure_author(reacted, ctx.index) if reacted is not None and is_measure(reacted) else target
            )
            target = act_author(reacted, lex, ctx.index) or measure
        relayed = relayed_author(verb, match.obj, ctx.index)
        if relayed is not None and not {r.code for r in relayed.refs} & {r.code for r in _refs(source)}:
            # "convey to you the congratulations of President Xi": the author's act toward the addressee; a
            # leader passing on his own people's congratulations still acts himself
            source, target = relayed, relayed_addressee(verb, relayed, ctx.index)
        place = place_country(verb, ctx.index)
        if place is None and turned_out_to_protest(verb):
            # "gathered in Hong Kong to protest": where they gathered
            place = place_country(verb.head, ctx.index)
        source = localized(source, place) if place else localized(source, sole, "sole")
        coded = [r for r in (source.refs if source else ()) if r.code]
        if (
            target is not None
            and target.how not in _TOPIC_ROLES
            and not (entry.reciprocal and len(coded) > 1)
        ):
            # A group acted on is a domestic one unless a place in the clause says otherwise.
            home = next((r for r in coded if r.kind in (None, "state", "group")), None)
            if place is not None:
                target = localized(target, place)
            else:
                target = localized(target, home, "home") if home else localized(target, sole, "sole")
        words = clause_words(verb)
        for gov in match.governors:
            words.extend(c for c in gov.children if c.dep_ in ("prep", "npadvmod"))
        events.extend(_events_for(match, sent_index, sent, ctx, source, target, words))
        other = prep_object(verb, ("with",))
        if entry.reciprocal and other is not None and is_crowd(other[0]) and source is not None:
            # "Police clashed with protesters": a clash has two sides, and the crowd's side is a violent protest.
            events.extend(_events_for(match, sent_index, sent, ctx, target, source, words, crowd=True))
        failure = lex.rules.failure
        failing = cues.words(failure.governors) if failure is not None else frozenset()
        failed = next((g for g in match.governors if g.lemma_.lower() in failing), None)
        if (
            failure is not None
            and failed is not None
            and entry.type in failure.applies_to
            and failed.i not in triggers
        ):
            # "failed to reach agreement": the cooperative act is negated, and the failure is itself a rejection.
            failed_entry = entry_of(failure, failing, f"{failure.type}/fail-to")
            events.extend(
                _events_for(Match(failed, failed_entry), sent_index, sent, ctx, source, target, words)
            )
    passes = (reported_acts, commitments, witnessed_signings, addressed_praise)
    for candidate in (*attended, *(c for coding_pass in passes for c in coding_pass(sent, ctx, triggers))):
        match, source, target, words = candidate
        events.extend(_events_for(match, sent_index, sent, ctx, source, target, words))
    sides = bool(ctx.sides)
    for found in nominal_events(sent, lex, ctx.index, ctx.topic, consumed, triggers, sides_known=sides):
        token = found.token
        # "The visit will take place next year", "will host talks": the verb of an event noun carries its tense.
        head = noun_governors(token)
        nominal = Match(token, found.entry, governors=head)
        # "The discussion focused on the pandemic": a subject's clause is its verb's, which says what it is about
        words = clause_words(head[0]) if head else clause_words(found.token)
        talks = found.entry.type == "CONSULT"
        if not is_news(found.token, joint=found.entry.reciprocal or talks, talks=talks):
            continue  # "during my visit to Athens", "the agreements reached at the meeting": mentioned in passing
        source, target = found.source, found.target
        if found.entry.reciprocal and not _has_code(source) and not _has_code(target):
            if gathers_people(token):
                continue  # a forum described by who attends it is no act of the readout's sides
            source = ctx.both_sides()  # "The talks covered bilateral cooperation" in a readout: its sides
        events.extend(_events_for(nominal, sent_index, sent, ctx, source, target, words))
    return events


def _refs(argument: Argument | None) -> tuple[ActorRef, ...]:
    return argument.refs if argument is not None else ()


def _has_code(argument: Argument | None) -> bool:
    return argument is not None and any(r.code for r in argument.refs)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _dedupe(events: list[Event]) -> list[Event]:
    best: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = (
            event.sentence_index,
            event.source.code if event.source else None,
            event.target.code if event.target else None,
            event.type,
            event.trigger_start,
        )
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.sentence_index, e.trigger_start or 0, e.id))


def code_events(
    doc: Doc, article: Article, mentions: list[Mention], lexicon: Lexicon | None = None
) -> list[Event]:
    """Every PLOVER event in ``doc`` (the parse of ``article.text``), with actors taken from ``mentions``,
    coded with ``lexicon`` (the bundled rules if None). Complete or not: which of them enter the data set is
    decided over every coder's events by :func:`realpolitik.events.complete.complete_events`."""
    ctx = CodingContext(
        article,
        MentionIndex.build(doc, list(mentions)),
        lexicon or load_lexicon(),
        focus_states(doc, list(mentions)),
        sides=readout_sides(article, list(mentions)),
        forum=not is_readout(article) and is_bilateral_forum(article),
        organisation=title_organisation(list(mentions)),
        organisations=title_organisations(list(mentions)),
    )
    ctx.near_organisation = ctx.organisation
    lex = ctx.lex
    ctx.sentence_domains = sentence_domains(doc, lex)
    events: list[Event] = []
    for sent_index, sent in enumerate(doc.sents):
        ctx.note_organisation(sent)
        events.extend(_code_sentence(sent, sent_index, ctx))
        ctx.topic = topic_of(sent, ctx.index) or ctx.topic
    return _dedupe(events)


def build_coder(lexicon: Lexicon) -> Callable[[Doc, Article, list[Mention]], list[Event]]:
    """The rule coder over ``lexicon`` (the ``coder`` plugin's factory)."""
    return partial(code_events, lexicon=lexicon)


__all__ = ["VERSION", "build_coder", "code_events"]
