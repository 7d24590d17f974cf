package nl.berichtenpoort.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays calendar = new WorkingDays(Set.of());

    @Test
    void easterFallsOnTheKnownDates() {
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(WorkingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void theHolidaysOf2025AreTheAlgemeenErkendeFeestdagen() {
        assertThat(WorkingDays.holidays(2025)).containsExactlyInAnyOrder(
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 21), LocalDate.of(2025, 4, 26), LocalDate.of(2025, 5, 5),
                LocalDate.of(2025, 5, 29), LocalDate.of(2025, 6, 9), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26));
    }

    @Test
    void koningsdagMovesToSaturdayWhenThe27thIsASunday() {
        assertThat(WorkingDays.holidays(2025)).contains(LocalDate.of(2025, 4, 26)).doesNotContain(LocalDate.of(2025, 4, 27));
        assertThat(WorkingDays.holidays(2026)).contains(LocalDate.of(2026, 4, 27));
    }

    @Test
    void threeWorkingDaysAfterAFridayIsTheWednesday() {
        assertThat(calendar.add(LocalDate.of(2026, 11, 20), 3)).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void holidaysAndWeekendsAreSkipped() {
        // Tuesday 23 December 2025: 24 (Wed), [25, 26 Christmas], [27, 28 weekend], 29 (Mon), 30 (Tue)
        assertThat(calendar.add(LocalDate.of(2025, 12, 23), 3)).isEqualTo(LocalDate.of(2025, 12, 30));
        // Easter 2026: Thursday 2 April + 3: Friday 3, [Sat, Sun, Monday 6 = Tweede Paasdag], Tuesday 7, Wednesday 8
        assertThat(calendar.add(LocalDate.of(2026, 4, 2), 3)).isEqualTo(LocalDate.of(2026, 4, 8));
    }

    @Test
    void tenWorkingDaysForADeclaratieAntwoordSpanTwoWeeks() {
        assertThat(calendar.add(LocalDate.of(2026, 11, 23), 10)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void anOrganisationCanCloseExtraDays() {
        WorkingDays withGoodFriday = new WorkingDays(Set.of(LocalDate.of(2026, 4, 3)));

        assertThat(withGoodFriday.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(withGoodFriday.add(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
    }
}
