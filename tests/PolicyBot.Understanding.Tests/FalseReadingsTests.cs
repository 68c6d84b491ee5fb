namespace PolicyBot.Understanding.Tests;

/// <summary>
/// False readings a tester found (each was a false "allowed" or a wrong assumption), by the grammar or
/// vocabulary that now reads them: facts "fact=value …" in alphabetical order; an absent fact stays open
/// so the bot asks it.
/// </summary>
public class FalseReadingsTests
{
    private static string Read(string utterance) => Stevensville.Text(Stevensville.Reader.Read(utterance).Facts);

    private static string? Match(string factId, string answer)
    {
        var fact = Stevensville.Policy.Fact(factId);
        return Stevensville.Reader.MatchAnswer(new PolicyBot.Rules.Evaluation.Question(fact, fact.Values), answer)?.Id;
    }

    /// <summary>1. "My kids", "my children" are a teacher's students; only "my own kids", "my son" … are family.</summary>
    [Theory]
    [InlineData("can i text my kids about the party saturday", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("one of my kids in 3rd period asked for my snapchat", "activity=contact medium=other-app purpose=personal relationship=student")]
    [InlineData("can I give my number to my children in 3rd period so they can ask about homework", "activity=contact medium=phone-number purpose=educational relationship=student")]
    [InlineData("Can we text our kids about homework?", "activity=contact medium=text purpose=educational relationship=student")]
    [InlineData("Can I text my own kids?", "activity=contact relationship=close-family")]
    [InlineData("Can I text my son?", "activity=contact relationship=close-family")]
    public void My_kids_are_students(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>2. A family word describing a third person does not make the person contacted family.</summary>
    [Theory]
    [InlineData("my daughter is friends with one of my students, can I text the student", "activity=contact medium=text relationship=student")]
    [InlineData("my son plays on the team with him, can I snapchat him", "activity=contact medium=other-app")]
    [InlineData("my niece and her friends from my class want to follow me on insta, can I accept them all", "activity=contact medium=accept-request relationship=student")]
    [InlineData("my kids' friends are in my class. can I text them", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text my daughter's friend from my class?", "activity=contact medium=text relationship=student")]
    [InlineData("My son and daughter are in my class. Can I text them?", "activity=contact relationship=close-family")]
    public void Family_of_a_third_person_is_no_exception(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>3. Urgent notices are real safety notices or cancellations of school activities; routine words need a school qualifier.</summary>
    [Theory]
    [InlineData("can I text a student to cancel our coffee on saturday", "activity=contact medium=text relationship=student")]
    [InlineData("can I text a student about the storm last night, just wondering how her weekend went", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("a student was in a car accident, can I text him to see if hes ok", "activity=contact medium=text purpose=support relationship=student")]
    [InlineData("can I text a student about the game last night? the chiefs won lol", "activity=contact medium=text relationship=student")]
    [InlineData("can I text a student about a meeting at starbucks sunday", "activity=contact medium=text relationship=student")]
    [InlineData("can I text a student about my trip to hawaii", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text a student about sports?", "activity=contact medium=text relationship=student")]
    // With a school, team or class qualifier they are school business or a notice.
    [InlineData("Can I text my students about our game on Friday?", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("Can I text my students about the team meeting?", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("Can I text my students about the field trip?", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("Can I text my students that school is closed for a snow day?", "activity=contact medium=text purpose=emergency relationship=student")]
    [InlineData("Can I text my students that the field trip is cancelled?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text students in an emergency?", "activity=contact medium=text purpose=emergency relationship=student")]
    [InlineData("Its an emergency, can I text her to ask her out?", "activity=contact medium=text")]
    public void Urgent_and_routine_words_need_school_context(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Theory]
    [InlineData("its urgent, I want to ask her out to dinner tonight", "personal")]
    [InlineData("urgent", null)]
    public void Urgent_is_no_answer_to_the_purpose(string answer, string? expected) => Assert.Equal(expected, Match("purpose", answer));

    /// <summary>4. Exception words about a third party are no exception; only the staff member's own tie is.</summary>
    [Theory]
    [InlineData("a student of mine is in foster care, can I text her", "activity=contact medium=text relationship=student")]
    [InlineData("one of my students is a foster kid, can I text him", "activity=contact medium=text relationship=student")]
    [InlineData("her legal guardian said its fine, can I text her", "activity=contact medium=text")]
    [InlineData("my employee's daughter is in my class, can I text her", "activity=contact medium=text relationship=student")]
    [InlineData("I paid her for a car wash fundraiser ticket, can I text her", "activity=contact medium=text purpose=operations")]
    [InlineData("can I text a kid in my class whose cousin is on my team", "activity=contact medium=text relationship=student")]
    [InlineData("can I text my student's cousin", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text my cousin's friend from my class?", "activity=contact medium=text relationship=student")]
    // A relative's tie, or a job, of someone the act does not reach: the student the act reaches is a student.
    [InlineData("can I snapchat a kid in my class, my sister babysits him", "activity=contact medium=other-app relationship=student")]
    [InlineData("can I add a student on facebook, she goes to church with my sister", "activity=contact medium=friend-request relationship=student")]
    [InlineData("can I text a student that is dating my cousin about a party", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("can I text a student whose mom works for me", "activity=contact medium=text relationship=student")]
    [InlineData("My husband employs a student at his shop, can I add her on snapchat", "activity=contact medium=friend-request relationship=student")]
    [InlineData("can I text a student whose dad is my brother in law's coworker", "activity=contact medium=text")]
    // The staff member's own tie.
    [InlineData("can I snapchat a kid in my class? he's my nephew", "activity=contact relationship=close-family")]
    [InlineData("can I text a student of mine, my niece, about dinner", "activity=contact relationship=close-family")]
    [InlineData("can I friend a student who is also my niece on facebook", "activity=contact relationship=close-family")]
    [InlineData("Can I text my foster daughter?", "activity=contact relationship=legal")]
    [InlineData("He works for me. Can I text him?", "activity=contact relationship=employment")]
    [InlineData("I pay her to babysit. Can I text her?", "activity=contact relationship=employment")]
    [InlineData("She is my cousin. Can I text her?", "activity=contact relationship=distant-relative")]
    [InlineData("My wife's cousin is in my class. Can I text her?", "activity=contact relationship=distant-relative")]
    // Family by marriage: a spouse's niece is one's niece, a spouse's son one's stepson.
    [InlineData("My wife's niece is in my class. Can I text her?", "activity=contact relationship=close-family")]
    [InlineData("My husband's nephew is a freshman in my PE class. Can I text him?", "activity=contact relationship=close-family")]
    public void Exceptions_need_the_staff_members_own_tie(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>5. "Former student" alone does not say they left the district.</summary>
    [Theory]
    [InlineData("can I friend a former student who is now 17 and still at the high school", "activity=contact medium=friend-request relationship=student")]
    [InlineData("my former player is now a freshman at our high school, can I text him", "activity=contact medium=text relationship=student")]
    [InlineData("a student transferred out of my class to another section, can I text her", "activity=contact medium=text relationship=student")]
    [InlineData("a student moved to the other middle school in the district, can I text her", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text a former student?", "activity=contact medium=text")]
    [InlineData("She moved to another school. Can I text her?", "activity=contact medium=text")]
    // Leaving the district, explicitly.
    [InlineData("Can I text a former student who moved out of the district?", "activity=contact relationship=former-student")]
    [InlineData("She is no longer in the district. Can I text her?", "activity=contact relationship=former-student")]
    [InlineData("Can I friend alumni on Facebook?", "activity=contact relationship=former-student")]
    [InlineData("Can I text a student who graduated from middle school last year?", "activity=contact medium=text relationship=student")]
    public void Former_means_left_the_district(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>6. Someone else's student is a student; 7. a parent beside the student is not the person contacted.</summary>
    [Theory]
    [InlineData("she is not my student, can I text her", "activity=contact medium=text relationship=student")]
    [InlineData("she is no longer my student, can I friend her", "activity=contact medium=friend-request relationship=student")]
    [InlineData("he is not a student of mine, he is in mrs smith's class. can I text him", "activity=contact medium=text relationship=student")]
    [InlineData("She is not a student, she is a parent. Can I text her?", "activity=contact relationship=not-student")]
    [InlineData("a student's dad asked me to text his son about homework", "activity=contact medium=text purpose=educational relationship=student")]
    [InlineData("Her mom told me to text her about the assignment.", "activity=contact medium=text purpose=educational")]
    [InlineData("Can I text a student's mom?", "activity=contact relationship=not-student")]
    public void Someone_elses_student_and_parents(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>8. Replying or accepting is about the reply, not that the student reached out first.</summary>
    [Theory]
    [InlineData("a student got my number somehow and keeps texting me about her boyfriend, can i text back", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("a student found my instagram and wants me to follow back, can i", "activity=contact medium=accept-request relationship=student")]
    [InlineData("A student got my number somehow and keeps texting me.", "activity=contact medium=student-initiated relationship=student")]
    public void Replying_is_the_reply(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>9. Social media at school to message one's own people is personal use; 10. confidential material is posting.</summary>
    [Theory]
    [InlineData("can I go on facebook during my prep period to message my sister", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("can I check facebook at lunch to message my kids", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("can I post my students' test scores on our class facebook page? the principal approved the page", "activity=posting content=confidential")]
    [InlineData("can i post student grades on the team page", "activity=posting content=confidential")]
    [InlineData("the principal approved the field trip, can I make a class instagram for it", "account-stage=new activity=school-account")]
    [InlineData("Our class Facebook page was approved by the principal.", "account-stage=approved activity=school-account")]
    public void Activity_precedence(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>The device fact (clause 9: district equipment is barred at any time).</summary>
    [Theory]
    [InlineData("can I use my school laptop to check facebook after school", "activity=personal-use device=district-device site-kind=social-networking time=outside-school")]
    [InlineData("Can I check Instagram on the district chromebook tonight?", "activity=personal-use device=district-device site-kind=social-networking time=outside-school")]
    [InlineData("Can I check Facebook on my work laptop this weekend?", "activity=personal-use device=district-device site-kind=social-networking time=outside-school")]
    [InlineData("can I check instagram on my own phone at night", "activity=personal-use device=personal-device site-kind=social-networking time=outside-school")]
    [InlineData("Can I browse Facebook on my home computer in the evening?", "activity=personal-use device=personal-device site-kind=social-networking time=outside-school")]
    [InlineData("Can I check Facebook on my phone tonight?", "activity=personal-use site-kind=social-networking time=outside-school")]
    [InlineData("Can I give students my personal phone number?", "activity=contact medium=phone-number relationship=student")]
    public void Device(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>12. Negation: a purpose in the scope takes it; "no" before a subject answers; "insta" is Instagram.</summary>
    [Theory]
    [InlineData("i dont text students for personal reasons, only homework", "activity=contact medium=text purpose=educational relationship=student")]
    [InlineData("Can I follow a student on insta?", "activity=contact medium=friend-request relationship=student")]
    public void Negation_and_short_forms(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>
    /// 13. A break-it helper's list (2026-12-06), against that day's new readings: a tie is the staff member's own, at a
    /// job, and a graduate leaves high school; what a colleague says the rule is hides only that clause.
    /// </summary>
    [Theory]
    [InlineData("one of my juniors just graduated from drivers ed, can I friend him on facebook to congratulate him?", "activity=contact medium=friend-request purpose=personal relationship=student")]
    [InlineData("I'm her supervisor on the yearbook committee, can I text her about non school stuff?", "activity=contact medium=text")]
    [InlineData("he works with me at the youth group, can I text him about hanging out?", "activity=contact medium=text purpose=personal")]
    [InlineData("she used to work with me at Safeway but quit last year, can I friend her?", "activity=contact medium=friend-request")]
    [InlineData("can I text my student to move our appointment for a haircut at my salon?", "activity=contact medium=text relationship=student")]
    [InlineData("my coworker said we're not allowed to follow students on insta, so I'll use my finsta to follow a few of my sophomores. ok?", "activity=contact medium=friend-request relationship=student")]
    public void Ties_of_ones_own_at_a_job(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Theory]
    [InlineData("purpose", "no its not for school its personal", "personal")]
    [InlineData("purpose", "not school", "personal")]
    [InlineData("purpose", "no, it's personal", "personal")]
    [InlineData("purpose", "Friendship, chat, your own life", "personal")]
    [InlineData("purpose", "Homework, coursework, class reminders", "educational")]
    [InlineData("relationship", "my kids", "student")]
    [InlineData("relationship", "not my student", "student")]
    public void Typed_answers(string factId, string answer, string? expected) => Assert.Equal(expected, Match(factId, answer));
}
