"""Partner schools and placements: only pupils of the mentor programme, one school each."""

import pytest

from metelkaar.partners import services
from metelkaar.partners.models import PupilPlacement
from metelkaar.programmes.models import Enrolment


def test_a_partner_belongs_to_a_mentor_programme(programme, anna):
    with pytest.raises(services.PartnerError):
        services.partner_create(programme=programme, name="De Regenboog", kind="school",
                                contact_name="Els", contact_email="els@x.test", by=anna)


def test_two_partners_of_a_programme_never_share_a_name(regenboog, mentor_programme, anna):
    with pytest.raises(services.PartnerError):
        services.partner_create(programme=mentor_programme, name="de regenboog ",
                                kind="school", contact_name="Piet",
                                contact_email="piet@x.test", by=anna)


def test_contact_email_is_stored_in_lower_case(regenboog, anna):
    partner = services.partner_update(partner=regenboog, name="De Regenboog", kind="school",
                                      contact_name="Els", contact_email="Els@Regenboog.TEST",
                                      by=anna)
    partner.refresh_from_db()
    assert partner.contact_email == "els@regenboog.test"


def test_a_mentor_cannot_be_placed_as_a_pupil(regenboog, sara_enrolment, anna):
    with pytest.raises(services.PartnerError):
        services.pupil_place(partner=regenboog, enrolment=sara_enrolment, by=anna)


def test_a_pupil_of_another_programme_cannot_be_placed(regenboog, programme, jan, anna):
    other = Enrolment.objects.create(programme=programme, person=jan, side="b")
    with pytest.raises(services.PartnerError):
        services.pupil_place(partner=regenboog, enrolment=other, by=anna)


def test_a_withdrawn_pupil_cannot_be_placed(regenboog, daan_enrolment, anna):
    Enrolment.objects.filter(pk=daan_enrolment.pk).update(status="withdrawn")
    daan_enrolment.refresh_from_db()
    with pytest.raises(services.PartnerError):
        services.pupil_place(partner=regenboog, enrolment=daan_enrolment, by=anna)


def test_placing_again_moves_the_pupil_to_the_other_school(placed, wilgen, noor_enrolment, anna):
    services.pupil_place(partner=wilgen, enrolment=noor_enrolment, group="groep 8", by=anna)
    placement = PupilPlacement.objects.get(enrolment=noor_enrolment)
    assert (placement.partner, placement.group) == (wilgen, "groep 8")
    assert PupilPlacement.objects.count() == 2
