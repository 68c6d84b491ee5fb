namespace PolicyBot.Rules.Tests;

/// <summary>
/// The real-world staff questions (Data/staff-questions.tsv, copied from shared/questions so the
/// project stands alone) and our reading of each row's situation as the policy's facts: what a
/// truthful staff member would answer the bot. Shared (linked) by the bot's HTTP tests.
/// </summary>
public static class StaffQuestions
{
    /// <summary>Row id → the facts of the situation, as the staff member would answer the bot.</summary>
    public static readonly IReadOnlyDictionary<int, string> Mapping = new Dictionary<int, string>
    {
        // id   row's medium / relationship / purpose                          → facts
        [1] = "activity=contact relationship=former-student",                  // Facebook / graduated adult / social
        [2] = "activity=contact relationship=student medium=friend-request purpose=personal",      // Facebook / current / social
        [4] = "activity=contact relationship=student medium=accept-request purpose=personal",      // Facebook / current / social-emotional
        [5] = "activity=contact relationship=student medium=accept-request purpose=personal",      // Instagram / student at placement / social
        [7] = "activity=school-account account-stage=approved account-use=school-news",             // school's official Twitter / current / school news
        [8] = "activity=contact relationship=former-student",                  // Instagram / former students / social
        [10] = "activity=posting content=district-material site=personal-site",// personal Facebook / class photos
        [12] = "activity=contact relationship=student medium=phone-number purpose=educational",    // text/phone / homework
        [13] = "activity=contact relationship=student medium=text purpose=mixed",                  // text / mixed
        [15] = "activity=contact relationship=student medium=text purpose=operations",             // text / attendance
        [16] = "activity=contact relationship=student medium=school-platform purpose=educational", // Remind / reminders
        [18] = "activity=contact relationship=student medium=text purpose=educational",            // text / reminders, homework
        [20] = "activity=contact relationship=student medium=text purpose=personal",               // text / personal advice
        [21] = "activity=school-account account-stage=approved account-use=school-news",             // Facebook group / athletes / team logistics
        [23] = "activity=contact relationship=student medium=phone-number purpose=operations",     // text / athletes / logistics, safety
        [24] = "activity=contact relationship=student medium=text purpose=operations",             // group text / players / schedules
        [25] = "activity=contact relationship=student medium=text purpose=emergency",              // text / athletes / lightning cancellation
        [27] = "activity=contact relationship=student medium=phone-number purpose=operations",     // phone / trip logistics
        [30] = "activity=contact relationship=student medium=existing-connection purpose=personal content=district-material site=personal-site",// Facebook / 250 friends / counselling, social
        [32] = "activity=contact relationship=not-student",                    // Facebook / parent and colleague
        [33] = "activity=contact relationship=employment",                     // text / neighbour's son / paid job
        [35] = "activity=contact relationship=legal",                          // text, social / foster child
        [36] = "activity=contact relationship=distant-relative",               // text, social / first cousin once removed
        [38] = "activity=contact relationship=close-family",                   // Facebook / own child
        [39] = "activity=contact relationship=student medium=existing-connection purpose=personal",// Facebook / friended before the rule
        [41] = "activity=contact relationship=former-student",                 // personal email / moved to another district
        [42] = "activity=contact relationship=student medium=personal-email purpose=educational",  // personal email / coursework
        [44] = "activity=contact relationship=not-student",                    // Remind / parent / condolence
        [45] = "activity=contact relationship=student medium=undecided purpose=support",           // "message her privately": no channel chosen / condolence
        [47] = "activity=contact relationship=student medium=student-initiated purpose=personal",  // student got my cell
        [49] = "activity=contact relationship=student medium=student-initiated purpose=personal",  // students found my channels
        [50] = "activity=contact relationship=student medium=accept-request purpose=mixed content=district-material site=personal-site",        // personal Twitter / follows / mixed
        [52] = "activity=personal-use site-kind=other-site",                   // phone / job email on breaks
        [54] = "activity=posting content=district-material site=district-site",// district website / student photos
        [55] = "activity=school-account account-stage=new",                    // class Instagram, not yet set up
        [57] = "activity=contact relationship=student medium=school-platform purpose=educational", // ClassDojo / coursework
        [58] = "activity=contact relationship=student medium=friend-request purpose=operations",   // joining the students' Discord server: seeking contact (the row's reason)
    };

    public sealed record Row(int Id, string Verdict, string Clauses, bool Ambiguous, string Medium, string Relationship, string Purpose, string Question);

    /// <summary>Reads the TSV: id, verdict, clauses, ambiguous, medium, relationship, purpose, question, …</summary>
    public static IReadOnlyList<Row> Rows() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "staff-questions.tsv"))
            .Skip(1)
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => new Row(int.Parse(c[0]), c[1], c[2], c[3] == "yes", c[4], c[5], c[6], c[7]))
            .ToList();

}
