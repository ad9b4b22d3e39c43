"""Names in any script are stored intact, found by coordinators and sorted sensibly."""

import doctest

from metelkaar.people import names
from metelkaar.programmes.models import Enrolment
from metelkaar.programmes.selectors import enrolment_list
from tests.conftest import make_person


def test_the_name_key_examples_hold():
    assert doctest.testmod(names).failed == 0


def _enrol(programme, *people):
    for person in people:
        Enrolment.objects.create(programme=programme, person=person)


def test_names_in_any_script_are_kept_and_found_whatever_the_case_or_marks(programme, org):
    olena = make_person(org, "Олена", last_name="Коваленко")
    mohammed = make_person(org, "مُحَمَّد", last_name="العلي")
    yonas = make_person(org, "ዮናስ", last_name="Tesfay")
    emile = make_person(org, "Émile", last_name="de Vries")
    _enrol(programme, olena, mohammed, yonas, emile)
    olena.refresh_from_db()
    assert olena.first_name == "Олена"  # stored as typed

    def found(q):
        return {e.person.pk for e in enrolment_list(programme=programme, q=q)}

    assert found("олена") == {olena.pk}
    assert found("محمد") == {mohammed.pk}  # typed without vowel marks
    assert found("ዮናስ") == {yonas.pk}
    assert found("emile") == {emile.pk}
    assert found("ÉMILE vries") == {emile.pk}


def test_people_sort_by_their_folded_name(org):
    from metelkaar.people.models import Person

    for first in ("zoë", "Émile", "adam", "Олена", "ዮናስ", "Ahmed"):
        make_person(org, first, last_name="")
    order = [p.first_name for p in Person.objects.filter(organisation=org)]
    assert order[:4] == ["adam", "Ahmed", "Émile", "zoë"]  # accents and case do not split Latin
    assert set(order[4:]) == {"Олена", "ዮናስ"}


def test_a_renamed_person_gets_a_new_key(org):
    person = make_person(org, "Jan")
    person.first_name = "Ян"
    person.save(update_fields=["first_name"])
    person.refresh_from_db()
    assert person.name_key == "ян test"
