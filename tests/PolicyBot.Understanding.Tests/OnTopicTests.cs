namespace PolicyBot.Understanding.Tests;

/// <summary>
/// Outside the policy, said plainly (issue 8, item 6): a message is on the policy's subject only when it names a way of
/// contacting someone, a site or account, something posted, a specific relationship or an app. A bare "students", a time,
/// a purpose or one's own family is not enough. Sentences written for this test, not taken from the corpus.
/// </summary>
public class OnTopicTests
{
    [Theory]
    [InlineData("Can I text a student about tomorrow's quiz?")]
    [InlineData("is it ok to follow my players on instagram")]
    [InlineData("A parent wants my gmail address, can I give it to her?")]
    [InlineData("Can I post pictures from the science fair on my own page?")]
    [InlineData("can I be on tiktok during my lunch break")]
    [InlineData("I'm the legal guardian of a student in my class, is that a problem?")]
    [InlineData("a kid sent me a friend request over the weekend")]
    [InlineData("Can I start a class YouTube channel for our robotics club?")]
    [InlineData("Is it fine to call a student's cell from my home phone?")]
    [InlineData("one of my students DMed me on snap last night")]
    [InlineData("can I send the practice change to the team through Remind?")]
    [InlineData("can my kinders' families see my personal goodreads?")]
    // An office named beside a way of contacting a student is still the policy's subject.
    [InlineData("Can I email a student about her schedule, or should the counseling office do it?")]
    // The gradebook named beside a way of sending or posting grades is still the policy's subject.
    [InlineData("can I text my students their grades from PowerSchool?")]
    [InlineData("can I post the quarter grades on the class instagram?")]
    // A social site's login beside school time and devices is the policy's subject.
    [InlineData("my password for Instagram got locked, can I reset it on the school laptop during class?")]
    public void A_question_about_contact_sites_or_posting_is_on_topic(string text)
    {
        Assert.True(Stevensville.Reader.Read(text).OnTopic, text);
    }

    [Theory]
    [InlineData("Can I wear sneakers to school on field day?")]
    [InlineData("who do I call to get the heat fixed in my classroom?")]
    [InlineData("Night custodian - what's the call-in procedure on snow days? Do we still come in?")]
    [InlineData("How many sick days do new teachers get each year?")]
    [InlineData("Are students allowed to bring energy drinks to practice?")]
    [InlineData("Does the district reimburse my phone bill when I coach?")]
    [InlineData("Who should I talk to about getting a bigger desk for my room?")]
    [InlineData("can my kids eat lunch in my room on rainy days")]
    [InlineData("is there a rule about how many students can ride in a school van?")]
    // "remind" is the Remind app only where the words say so ("on Remind", "the Remind app").
    [InlineData("could someone remind me how to reset the gym door code?")]
    // Writing to a district office about one's own job ("email" alone would be the policy's subject).
    [InlineData("how do I get my conference hotel paid back, or should I just email the business office?")]
    [InlineData("Do I call HR or payroll about a missing stipend on my check?")]
    // An account at a bank is no account of the policy's subject.
    [InlineData("how do I switch my paycheck to a new bank account? who handles payroll")]
    // When staff paperwork is due is no question of posting it.
    [InlineData("when are report cards due to the office, friday or monday?")]
    // Reporting to dispatch is no contact with a student.
    [InlineData("I drive a bus. if a kid gets sick do I pull over and call it in?")]
    // One's own family alone is no question of contact: staff name their children in questions about leave or weddings
    // (and having a nephew in class is not what this policy governs; asking how to reach him is).
    [InlineData("My son is getting married in June. How many personal days can I take?")]
    [InlineData("My nephew is in my class this year, is that a problem?")]
    // A course taken online names no site; one's spouse added to a plan is no friend request (fresh batch 46, 2026-12-06).
    [InlineData("Does the district reimburse tuition for a master's program if it's online?")]
    [InlineData("When's open enrollment for dental insurance? I want to add my husband.")]
    // Mail one missed, one's own pay stub online (fresh batches 52-53, 2026-12-06).
    [InlineData("When does open enrollment for the dental plan close this year? I missed the email.")]
    [InlineData("how do i see my pay stub online? the portal keeps kicking me out")]
    // Work in the gradebook or the student information system, one's own salary schedule (fresh58, CR021; CG054, CN006).
    [InlineData("how do I change a grade after the quarter locks in Infinite Campus?? I typed 58 instead of 85 ugh")]
    [InlineData("Is Infinite Campus going down this weekend? I still need to put in quarter grades")]
    [InlineData("How do I set up weighted categories in the PowerSchool gradebook? My tests are supposed to be 60%.")]
    [InlineData("When do the new salary schedule steps kick in for classified staff this year? Is it retro to July?")]
    // A software login locked, the gradebook's lock time, a pay schedule that posts in the portal (fresh63-64, DA030,
    // DB029, DB004).
    [InlineData("My login for the IEP writing program got locked again. Who resets it?")]
    [InlineData("Does the PowerSchool gradebook lock at 4 on Friday for quarter grades or at midnight?")]
    [InlineData("When do the new salary schedules post in the employee portal? A couple of my paras are asking whether their step increase kicked in.")]
    public void A_question_about_something_else_is_off_topic(string text)
    {
        Assert.False(Stevensville.Reader.Read(text).OnTopic, text);
    }
}
