namespace PolicyBot.Campaigns.Scheduling;

/// <summary>What kind of rule a <see cref="Schedule"/> follows.</summary>
public enum ScheduleKind
{
    /// <summary>Once, at one instant.</summary>
    Once,

    /// <summary>On chosen days of the week (every day, every weekday, every Monday …), every week or every other week.</summary>
    Weekly,

    /// <summary>Every month on a day of the month (29th–31st: the month's last day when it has fewer days).</summary>
    MonthlyOnDay,

    /// <summary>Every month on the first … fifth or last given weekday.</summary>
    MonthlyOnWeekday,

    /// <summary>Every year on a month and day (February 29: February 28 in other years).</summary>
    Yearly,
}
