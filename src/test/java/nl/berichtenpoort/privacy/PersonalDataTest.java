package nl.berichtenpoort.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void theElfproefAcceptsValidBsnsAndRefusesOthers() {
        assertThat(Bsn.passesElfproef("999990019")).isTrue();
        assertThat(Bsn.passesElfproef("999900006")).isTrue();
        assertThat(Bsn.passesElfproef("999990018")).isFalse();
        assertThat(Bsn.passesElfproef("99999001")).isFalse();
        assertThat(Bsn.passesElfproef("99999001a")).isFalse();
    }

    @Test
    void aBsnKeepsOnlyItsLastFourDigits() {
        assertThat(Bsn.mask("999996782")).isEqualTo("*****6782");
        assertThat(PersonalData.maskValue("Bsn", "1234567890")).isEqualTo("******7890");
        assertThat(Bsn.mask("123")).isEqualTo("***");
    }

    @Test
    void aNameKeepsOnlyItsFirstLetterAndHidesItsLength() {
        assertThat(PersonalData.maskValue("Achternaam", "Gaastra")).isEqualTo("G***");
        assertThat(PersonalData.maskValue("Voornamen", "Jan Pieter")).isEqualTo("J***");
        assertThat(PersonalData.maskValue("ProductCode", "02A01")).isEqualTo("02A01");
    }

    @Test
    void aBsnInFreeTextIsMaskedButOtherNumbersAreNot() {
        assertThat(PersonalData.maskBsns("cliënt 999990019, toewijzing 123450001 en 999999999"))
                .isEqualTo("cliënt *****0019, toewijzing 123450001 en 999999999");
    }
}
