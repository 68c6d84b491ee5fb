using PolicyBot.Rules.Model;

namespace PolicyBot.Rules.Tests;

/// <summary>
/// The policy read by hand: situation → verdict, deciding rule and clauses. Every rule, clause,
/// exception and fact value appears at least once (checked below), so a change to the policy
/// file that alters any outcome fails here.
/// </summary>
public class DecisionTableTests
{
    public static TheoryData<string, string, string, string> Table => new()
    {
        // facts                                                                         verdict                    rule                                  clauses
        // The exception (X): family, employment, legal relationships; who is not a student.
        { "activity=contact relationship=close-family",                                   "allowed",                 "family-exception",                   "X" },
        { "activity=contact relationship=distant-relative",                               "allowed-with-conditions", "distant-relative",                   "X" },
        { "activity=contact relationship=employment",                                     "allowed",                 "employment-exception",               "X" },
        { "activity=contact relationship=coworker",                                       "needs-administration",    "coworker",                           "X" },
        { "activity=contact relationship=legal",                                          "allowed",                 "legal-exception",                    "X" },
        { "activity=contact relationship=former-student",                                 "not-covered",             "former-student",                     "G" },
        { "activity=contact relationship=not-student",                                    "not-covered",             "not-a-student",                      "G" },
        // 1: sharing phone numbers.
        { "activity=contact relationship=student medium=phone-number purpose=educational","allowed-with-conditions", "phone-for-school",                   "1 X" },
        { "activity=contact relationship=student medium=phone-number purpose=operations", "allowed-with-conditions", "phone-for-school",                   "1 X" },
        { "activity=contact relationship=student medium=phone-number purpose=emergency",  "allowed-with-conditions", "phone-for-school",                   "1 X" },
        { "activity=contact relationship=student medium=phone-number purpose=support",    "forbidden",               "phone-for-support",                  "1 X G" },
        { "activity=contact relationship=student medium=phone-number purpose=mixed",      "forbidden",               "phone-personal",                     "1 X" },
        { "activity=contact relationship=student medium=phone-number purpose=personal",   "forbidden",               "phone-personal",                     "1 X" },
        // 2: text messaging.
        { "activity=contact relationship=student medium=text purpose=educational",        "allowed-with-conditions", "text-for-school",                    "2 X" },
        { "activity=contact relationship=student medium=text purpose=operations",         "allowed-with-conditions", "text-for-school",                    "2 X" },
        { "activity=contact relationship=student medium=text purpose=emergency",          "allowed",                 "text-urgent-notice",                 "2 X" },
        { "activity=contact relationship=student medium=text purpose=support",            "forbidden",               "text-for-support",                   "2 X G" },
        { "activity=contact relationship=student medium=text purpose=mixed",              "allowed-with-conditions", "text-mixed",                         "2 X G" },
        { "activity=contact relationship=student medium=text purpose=personal",           "forbidden",               "text-personal",                      "2 X G" },
        // 3: email, school accounts at both ends.
        { "activity=contact relationship=student medium=school-email purpose=educational","allowed",                 "school-email-for-school",            "3" },
        { "activity=contact relationship=student medium=school-email purpose=support",    "allowed-with-conditions", "school-email-support-or-mixed",      "3 G" },
        { "activity=contact relationship=student medium=school-email purpose=mixed",      "allowed-with-conditions", "school-email-support-or-mixed",      "3 G" },
        { "activity=contact relationship=student medium=school-email purpose=personal",   "forbidden",               "school-email-personal",              "G 3" },
        { "activity=contact relationship=student medium=personal-email",                  "forbidden",               "personal-email",                     "3 X" },
        // 4, 5, 7: social networking connections; 12 for an educational presence.
        { "activity=contact relationship=student medium=friend-request purpose=personal", "forbidden",               "friend-request-personal",            "4 X G" },
        { "activity=contact relationship=student medium=friend-request purpose=educational","needs-administration",  "friend-request-for-school",          "12 4" },
        { "activity=contact relationship=student medium=accept-request purpose=personal", "forbidden",               "accept-request-personal",            "5 X G" },
        { "activity=contact relationship=student medium=accept-request purpose=mixed",    "forbidden",               "accept-request-personal",            "5 X G" },
        { "activity=contact relationship=student medium=accept-request purpose=operations","needs-administration",   "accept-request-for-school",          "12 5" },
        { "activity=contact relationship=student medium=existing-connection purpose=personal","forbidden",           "existing-connection-personal",       "4 5 X G" },
        { "activity=contact relationship=student medium=existing-connection purpose=educational","needs-administration","existing-connection-for-school",  "12 4 5" },
        { "activity=contact relationship=student medium=personal-accounts purpose=support","forbidden",              "personal-accounts-personal",         "7 X G" },
        { "activity=contact relationship=student medium=personal-accounts purpose=emergency","needs-administration", "personal-accounts-for-school",       "12 7" },
        // G: media the list does not name.
        { "activity=contact relationship=student medium=school-platform purpose=educational","allowed",              "school-platform-for-school",         "G 2" },
        { "activity=contact relationship=student medium=school-platform purpose=mixed",   "allowed-with-conditions", "school-platform-support-or-mixed",   "G 2" },
        { "activity=contact relationship=student medium=school-platform purpose=personal","forbidden",               "school-platform-personal",           "G 2" },
        { "activity=contact relationship=student medium=other-app purpose=operations",    "needs-administration",    "other-app-for-school",               "G 12" },
        { "activity=contact relationship=student medium=other-app purpose=support",       "forbidden",               "other-app-support",                  "G X" },
        { "activity=contact relationship=student medium=undecided purpose=educational",   "allowed-with-conditions", "undecided-for-school",               "3 2 X" },
        { "activity=contact relationship=student medium=undecided purpose=support",       "allowed-with-conditions", "undecided-support",                  "G X 2" },
        { "activity=contact relationship=student medium=undecided purpose=mixed",         "allowed-with-conditions", "undecided-mixed",                    "2 X G" },
        { "activity=contact relationship=student medium=undecided purpose=personal",      "forbidden",               "undecided-personal",                 "G X" },
        { "activity=contact relationship=student medium=other-app purpose=personal",      "forbidden",               "other-app-personal",                 "G" },
        { "activity=contact relationship=student medium=other-app purpose=mixed",         "forbidden",               "other-app-personal",                 "G" },
        { "activity=contact relationship=student medium=student-initiated",               "not-covered",             "student-initiated",                  "G 7" },
        // 8, 9: personal use of social networking.
        { "activity=personal-use site-kind=other-site",                                   "not-covered",             "not-social-networking",              "9" },
        { "activity=personal-use site-kind=social-networking time=outside-school device=personal-device","allowed-with-conditions","social-outside-school","9 G 10" },
        { "activity=personal-use site-kind=social-networking time=outside-school device=district-device","forbidden",   "social-district-device",             "9" },
        { "activity=personal-use site-kind=social-networking time=school-day access-reason=individual","forbidden",   "social-school-day-individual",       "8 9" },
        { "activity=personal-use site-kind=social-networking time=school-day access-reason=asked-by-administration","allowed-with-conditions","social-school-day-administration","8 9" },
        { "activity=personal-use site-kind=social-networking time=school-day access-reason=emergency-access","allowed-with-conditions","social-school-day-emergency","9 8" },
        { "activity=personal-use site-kind=social-networking time=school-day access-reason=teaching","needs-administration","social-school-day-teaching","8 9 12" },
        // 10, 11: posting.
        { "activity=posting content=confidential",                                        "forbidden",               "posting-confidential",               "11 10" },
        { "activity=posting content=district-material site=personal-site",                "forbidden",               "posting-district-material-personal", "10 11" },
        { "activity=posting content=district-material site=district-site",                "needs-administration",    "posting-district-material-district-site", "10 12" },
        { "activity=posting content=own-content",                                         "not-covered",             "posting-own-content",                "G 10" },
        // 6, 12: groups, pages and an educational presence.
        { "activity=school-account account-stage=approved account-use=school-news",       "allowed-with-conditions", "school-account-approved",            "6 12 10" },
        { "activity=school-account account-stage=approved account-use=confidential",      "forbidden",               "school-account-approved-confidential", "11 10" },
        { "activity=school-account account-stage=approved account-use=personal-contact",  "forbidden",               "school-account-approved-personal-contact", "G X" },
        { "activity=school-account account-stage=approved account-use=connect-students",  "needs-administration",    "school-account-approved-connect", "12 4" },
        { "activity=school-account account-stage=new",                                    "needs-administration",    "school-account-new",                 "12 6" },
        { "activity=school-account account-stage=no-district-admin",                      "forbidden",               "school-account-no-district-admin",   "6" },
        { "activity=other",                                                               "not-covered",             "something-else",                     "G" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Situation_gets_the_verdict_the_policy_text_gives(string facts, string verdict, string rule, string clauses)
    {
        var result = Stevensville.Evaluator.Evaluate(Stevensville.Facts(facts));

        Assert.NotNull(result.Verdict);
        Assert.Equal(verdict, result.Verdict.Kind.Id());
        Assert.Equal(rule, result.Verdict.RuleId);
        Assert.Equal(clauses.Split(' '), result.Verdict.Clauses.Select(c => c.Id));
        Assert.False(string.IsNullOrWhiteSpace(result.Verdict.Answer));
        Assert.DoesNotContain("{", result.Verdict.Answer + result.Verdict.Reason);
    }

    [Fact]
    public void Table_covers_every_rule_clause_and_fact_value()
    {
        var rows = Table.Select(r => ((string)r[0], (string)r[2], (string)r[3])).ToList();
        var policy = Stevensville.Policy;

        Assert.Empty(policy.Rules.Select(r => r.Id).Except(rows.Select(r => r.Item2)));
        Assert.Empty(policy.Clauses.Select(c => c.Id).Except(rows.SelectMany(r => r.Item3.Split(' '))));
        var valuesSeen = rows.SelectMany(r => r.Item1.Split(' ')).ToHashSet();
        var valuesDefined = policy.Facts.SelectMany(f => f.Values.Select(v => $"{f.Id}={v.Id}"));
        Assert.Empty(valuesDefined.Except(valuesSeen));
    }

    [Theory]
    [InlineData("relationship=close-family medium=friend-request", "allowed")]           // "can I friend my nephew?": no purpose asked
    [InlineData("relationship=former-student medium=accept-request", "not-covered")]
    [InlineData("medium=personal-email relationship=student", "forbidden")]             // email rule needs no purpose
    public void Facts_that_decide_need_no_further_question(string facts, string verdict)
    {
        var result = Stevensville.Evaluator.Evaluate(Stevensville.Facts(facts));

        Assert.Null(result.Question);
        Assert.Equal(verdict, result.Verdict!.Kind.Id());
        Assert.Equal("contact", result.Facts["activity"]);   // a relationship or medium implies contact
    }

    [Theory]
    [InlineData("", "activity")]
    [InlineData("activity=contact", "relationship")]
    [InlineData("medium=text", "relationship")]                    // "can I text ...?": who, before what for
    [InlineData("medium=text relationship=student", "purpose")]
    [InlineData("purpose=personal relationship=student", "medium")]
    [InlineData("activity=personal-use", "site-kind")]
    [InlineData("activity=personal-use site-kind=social-networking", "time")]
    [InlineData("activity=personal-use site-kind=social-networking time=outside-school", "device")]
    [InlineData("activity=posting content=district-material", "site")]
    public void Next_question_is_the_fact_still_needed(string facts, string expectedFact)
    {
        var result = Stevensville.Evaluator.Evaluate(Stevensville.Facts(facts));

        Assert.Null(result.Verdict);
        Assert.Equal(expectedFact, result.Question!.Fact.Id);
        Assert.NotEmpty(result.Question.Choices);
    }

    /// <summary>The exception (X) and the ways out of the bans are never taken from a person's wording alone
    /// (nor is a class or school account, whose approval would otherwise stand in for what is posted).</summary>
    [Theory]
    [InlineData("relationship", "close-family coworker distant-relative employment legal former-student not-student")]
    [InlineData("purpose", "emergency support")]
    [InlineData("medium", "student-initiated")]
    [InlineData("account-stage", "approved")]
    [InlineData("activity", "school-account")]
    public void Exception_values_must_be_confirmed(string fact, string values)
    {
        var confirmed = Stevensville.Policy.Fact(fact).Values.Where(v => v.Confirm).Select(v => v.Id);
        Assert.Equal(values.Split(' ').Order(), confirmed.Order());
    }

    [Fact]
    public void Unknown_fact_or_value_is_refused_with_its_name()
    {
        var e1 = Assert.Throws<ArgumentException>(() => Stevensville.Evaluator.Evaluate(Stevensville.Facts("colour=red")));
        Assert.Contains("no fact 'colour'", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => Stevensville.Evaluator.Evaluate(Stevensville.Facts("medium=fax")));
        Assert.Contains("Fact 'medium' has no value 'fax'", e2.Message);
    }
}
