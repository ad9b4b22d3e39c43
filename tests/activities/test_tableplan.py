"""The table plan of a language café: every table shares a language, sizes 4–6, mixed."""

import doctest

from hypothesis import given, settings
from hypothesis import strategies as st

from metelkaar.activities import tableplan
from metelkaar.activities.tableplan import Attendee, make_table_plan, shared_languages

LANGS = ["nl", "en", "ar", "uk", "ti", "tr"]


def newcomer(key, practises=("nl",), speaks=("ar",)):
    return Attendee(key, key.title(), frozenset(practises), frozenset(speaks), newcomer=True)


def resident(key, practises=(), speaks=("nl",)):
    return Attendee(key, key.title(), frozenset(practises), frozenset(speaks), newcomer=False)


def codes(plan):
    return {w.code for w in plan.warnings}


def test_doctests_pass():
    assert doctest.testmod(tableplan).failed == 0


def test_twelve_people_make_tables_of_four_to_six_that_share_dutch_and_mix():
    people = [newcomer(f"n{i}") for i in range(6)] + [resident(f"r{i}") for i in range(6)]
    plan = make_table_plan(people)
    assert sorted(m.key for t in plan.tables for m in t.members) == sorted(p.key for p in people)
    for table in plan.tables:
        assert 4 <= table.size <= 6
        assert "nl" in table.shared_languages
        assert table.mixed
    assert plan.warnings == ()


def test_people_practising_different_languages_sit_with_speakers_of_that_language():
    people = [
        newcomer("amal"),
        newcomer("chen"),
        resident("bas"),
        resident("els"),
        resident("dirk", practises=("ar",)),
        resident("fem", practises=("ar",)),
        newcomer("yusuf", practises=("ar",), speaks=("nl", "ar")),
        newcomer("rania", practises=(), speaks=("ar", "nl")),
    ]
    plan = make_table_plan(people)
    assert len(plan.tables) == 2
    assert all(t.shared_languages for t in plan.tables)
    assert all(t.mixed for t in plan.tables)


def test_fewer_than_four_people_give_one_table_and_a_warning():
    plan = make_table_plan([newcomer("amal"), resident("bas"), resident("els")])
    assert len(plan.tables) == 1
    assert tableplan.TOO_FEW_PEOPLE in codes(plan)


def test_nobody_gives_no_tables_and_a_warning():
    plan = make_table_plan([])
    assert plan.tables == ()
    assert codes(plan) == {tableplan.TOO_FEW_PEOPLE}


def test_seven_people_cannot_sit_in_tables_of_four_to_six():
    people = [newcomer(f"n{i}") for i in range(4)] + [resident(f"r{i}") for i in range(3)]
    plan = make_table_plan(people)
    assert tableplan.SIZES_NOT_POSSIBLE in codes(plan)
    assert sorted(t.size for t in plan.tables) == [3, 4]


def test_a_person_who_shares_no_language_is_named_in_a_warning():
    lone = Attendee("k", "Kofi", frozenset({"tw"}), frozenset({"ak"}), newcomer=True)
    people = [newcomer("amal"), newcomer("chen"), resident("bas"), resident("els"), lone]
    plan = make_table_plan(people)
    warning = next(w for w in plan.warnings if w.code == tableplan.SHARES_NO_LANGUAGE)
    assert warning.people == ("Kofi",)
    assert tableplan.TABLE_WITHOUT_LANGUAGE in codes(plan)


def test_only_newcomers_cannot_mix_but_still_share_a_language():
    people = [newcomer(f"n{i}", practises=("nl",), speaks=("nl", "uk")) for i in range(5)]
    plan = make_table_plan(people)
    assert plan.tables[0].shared_languages == ("nl",)
    assert tableplan.TABLE_WITHOUT_MIX not in codes(plan)


def test_a_language_nobody_practises_is_not_a_shared_practice_language():
    people = [resident(f"r{i}", practises=()) for i in range(4)]
    assert shared_languages(make_table_plan(people).tables[0].members) == ()


def test_table_count_keeps_every_size_within_four_to_six_when_possible():
    for n in range(4, 200):
        if n == 7:
            continue
        k = tableplan.table_count(n)
        assert 4 * k <= n <= 6 * k, n


people_strategy = st.lists(
    st.builds(
        lambda practises, speaks, is_new: (frozenset(practises), frozenset(speaks), is_new),
        st.sets(st.sampled_from(LANGS), max_size=3),
        st.sets(st.sampled_from(LANGS), max_size=3),
        st.booleans(),
    ),
    max_size=40,
)


def build(raw):
    return [Attendee(f"p{i}", f"P{i}", p, s, newcomer=new) for i, (p, s, new) in enumerate(raw)]


@settings(max_examples=60, deadline=None)
@given(people_strategy)
def test_every_person_sits_at_exactly_one_table(raw):
    people = build(raw)
    plan = make_table_plan(people)
    seated = [m.key for t in plan.tables for m in t.members]
    assert sorted(seated) == sorted(p.key for p in people)


@settings(max_examples=60, deadline=None)
@given(people_strategy)
def test_sizes_are_within_four_to_six_whenever_possible(raw):
    people = build(raw)
    plan = make_table_plan(people)
    if tableplan.sizes_possible(len(people)):
        assert all(4 <= t.size <= 6 for t in plan.tables)
        assert tableplan.SIZES_NOT_POSSIBLE not in codes(plan)
    else:
        assert codes(plan) & {tableplan.SIZES_NOT_POSSIBLE, tableplan.TOO_FEW_PEOPLE}


@settings(max_examples=60, deadline=None)
@given(people_strategy)
def test_a_table_without_a_shared_language_is_always_reported(raw):
    plan = make_table_plan(build(raw))
    for table in plan.tables:
        assert table.shared_languages == shared_languages(table.members)
        if not table.shared_languages:
            assert any(
                w.code == tableplan.TABLE_WITHOUT_LANGUAGE and w.table == table.number
                for w in plan.warnings
            )


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=20),
    st.integers(min_value=1, max_value=20),
    st.lists(st.sampled_from(LANGS), max_size=30),
)
def test_a_dutch_cafe_with_enough_of_both_groups_always_shares_dutch_and_mixes(n_new, n_res, extra):
    """Newcomers practise Dutch, residents speak it: every table shares Dutch and mixes."""
    people = [
        newcomer(f"n{i}", practises=("nl",), speaks=(extra[i % len(extra)],) if extra else ())
        for i in range(n_new)
    ]
    people += [
        resident(f"r{i}", practises=(extra[-i % len(extra)],) if extra else ())
        for i in range(n_res)
    ]
    plan = make_table_plan(people)
    if n_new >= len(plan.tables) and n_res >= len(plan.tables):
        for table in plan.tables:
            assert "nl" in table.shared_languages
            assert table.mixed
            assert abs(table.newcomers - table.residents) <= max(1, abs(n_new - n_res))
        assert not codes(plan) & {tableplan.TABLE_WITHOUT_LANGUAGE, tableplan.TABLE_WITHOUT_MIX}
