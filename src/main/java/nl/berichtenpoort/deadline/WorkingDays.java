package nl.berichtenpoort.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.Set;

/**
 * The Dutch working-day calendar the standard's deadlines are counted in: no Saturdays, Sundays or algemeen erkende
 * feestdagen (Algemene termijnenwet, art. 3: Nieuwjaarsdag, Tweede Paasdag, Koningsdag, 5 mei, Hemelvaartsdag, Tweede
 * Pinksterdag and both Kerstdagen), plus the days an organisation adds itself (for example Goede Vrijdag).
 */
public final class WorkingDays {

    private final Set<LocalDate> extraClosedDays;

    public WorkingDays(Set<LocalDate> extraClosedDays) {
        this.extraClosedDays = Set.copyOf(extraClosedDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY
                && !holidays(day.getYear()).contains(day) && !extraClosedDays.contains(day);
    }

    /** The {@code count}-th working day after {@code from}: a retour sent on Friday with 3 days is due on Wednesday. */
    public LocalDate add(LocalDate from, int count) {
        LocalDate day = from;
        for (int found = 0; found < count; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                found++;
            }
        }
        return day;
    }

    /** The algemeen erkende feestdagen of one year that can fall on a weekday. */
    public static Set<LocalDate> holidays(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        Set<LocalDate> days = new HashSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        days.add(easter.plusDays(1));
        days.add(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay);
        days.add(LocalDate.of(year, Month.MAY, 5));
        days.add(easter.plusDays(39));
        days.add(easter.plusDays(50));
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        days.add(LocalDate.of(year, Month.DECEMBER, 26));
        return days;
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
