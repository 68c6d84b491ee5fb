using PolicyBot.Understanding.Lexicons;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// Utterance → the facts <see cref="SituationReader.Read"/> settles, in the style of the BotBuilder
/// samples' recognizer tables. Facts are written "fact=value …" in alphabetical order; a fact the text
/// does not settle is absent (the dialog asks it).
/// </summary>
public class SituationReaderTests
{
    private static string Read(string utterance) => Stevensville.Text(Stevensville.Reader.Read(utterance).Facts);

    [Theory]
    // A way of contacting that never goes through a class account or group is a part of its own beside one.
    [InlineData("For the club trip I'm giving the kids my cell for emergencies, and I was also going to make a Snapchat group so I can post updates to everyone.", "account-stage=new activity=school-account | activity=contact medium=phone-number relationship=student")]
    [InlineData("I run our class instagram and text the kids about practice, ok?", "activity=school-account | activity=contact medium=text purpose=operations relationship=student")]
    // Two people, one of them said to be here now; a colleague and a student one employs.
    [InlineData("Two follow requests came in: one from a boy who graduated in May, and one from his sister who's a freshman here. Can I accept?", "activity=contact medium=accept-request purpose=personal relationship=former-student | activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("A counselor I work with wants to follow me on Instagram, and I pay a junior from the high school to help on my farm; I text him about chores. Ok?", "activity=contact relationship=not-student | activity=contact relationship=employment")]
    [InlineData("Is it fine to follow the coach I work with on Instagram? and one of my 4th grade kids keeps asking me to follow her", "activity=contact relationship=not-student | activity=contact medium=friend-request relationship=student")]
    [InlineData("I'm a foster mom and one of my foster kids is in 3rd grade here. Can I text her?", "activity=contact relationship=legal")]
    // A foster placement named after the foster home (not a student teacher's); parents by their child's class; a site found
    // or scrolled by its kind; an account started for a club, not for one's business; what one usually posts is no question.
    [InlineData("We are a licensed foster family, and since August a 7th grader has been placed with us; she goes to my school. Can I text her?", "activity=contact relationship=legal")]
    [InlineData("My student teacher was placed with me this fall. Can I text her?", "activity=contact medium=text")]
    [InlineData("One of the dads from my 2nd grade class asked to be friends on Facebook. We coach soccer together.", "activity=contact relationship=not-student")]
    [InlineData("The office says there's a TikTok going around about a fight, and the principal wants me to find it and screenshot it during my prep.", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Is it ok if I scroll teacher instagram during my lunch break at school?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("We'd love to start an Instagram account for Robotics Club to post build updates.", "account-stage=new activity=school-account")]
    [InlineData("Starting a facebook page for my tutoring business, can I use the school logo?", "activity=posting content=district-material")]
    [InlineData("walk-in cooler alarm is beeping in the kitchen and nobody's here. who am I supposed to call?", "")]
    [InlineData("My grandson is a 7th grader here and wants to follow me on Instagram. I mostly post my quilts and the dogs.", "activity=contact relationship=close-family")]
    // The same person described again is no second person; a past class is no time of the question.
    [InlineData("Another mom from my daughter's dance team is also the mom of one of my students. Can I text her about rides?", "activity=contact relationship=not-student")]
    [InlineData("A kid I had in class years ago sent me a friend request; he graduated in 2019.", "activity=contact relationship=former-student")]
    // Checking a page (the district's included) or one's own notifications is using social media: a part of its own.
    [InlineData("During the storm I kept checking the district's facebook page, and I also posted a photo of my class on my own Facebook.", "activity=posting content=district-material site=personal-site | activity=personal-use site-kind=social-networking")]
    [InlineData("I run our class facebook page. While I'm logged in can I check my own notifications?", "activity=school-account | access-reason=individual activity=personal-use site-kind=social-networking")]
    // One's own notifications are one's own use: administration's request for the livestream is not borrowed for them
    // (the two reasons conflict, and the reason is asked).
    [InlineData("Admin asked me to livestream the assembly on the school FB page. While I'm logged in can I check my own notifications real quick?", "account-stage=approved activity=school-account | activity=personal-use site-kind=social-networking")]
    // Instagram DMs are a way of contacting, not using the site for oneself.
    [InlineData("On field trips can I use Instagram DMs to tell kids where to meet?", "activity=contact medium=other-app purpose=operations relationship=student")]
    // A grown former student by age now, and a colleague by role, beside each other; keeping followers is an existing connection.
    [InlineData("Two FB friend requests: one from my student teacher (she's 22) and one from a kid I taught in 2012 who's like 25 now. Either a problem?", "activity=contact medium=accept-request purpose=personal relationship=not-student | activity=contact medium=accept-request purpose=personal relationship=former-student")]
    [InlineData("My XC runners follow me on Strava. I approved them a while ago. It's where I log all my own runs and races, routes and everything. Should I keep them?", "activity=contact medium=existing-connection relationship=student")]
    // One's son's buddies are others, and a ride parents asked for is a private favor; a page students are to follow, or a
    // tool the district does not use, is an account to set up through administration.
    [InlineData("I'm a night custodian at the middle school. I text my son (7th grade there) all the time, that's fine right? His buddies' parents asked if I'd drive them to the basketball game, can I text the boys directly to set up rides?", "activity=contact relationship=close-family | activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("I want my art students to keep digital portfolios on Seesaw. The district doesn't use Seesaw yet. Can I just sign up for a free teacher account?", "account-stage=new activity=school-account")]
    [InlineData("As a counselor I email seniors' school accounts about scholarship deadlines. Before graduation I'd like to also start a scholarship Instagram page they can follow. Does that need approval?", "account-stage=new activity=school-account")]
    // ... also after an aside ("and, the same night, from"); graduates and a nephew among one's friends are two parts.
    [InlineData("After conferences I got Facebook friend requests from a mom and, the same night, from her daughter who's in my 5th period. Can I accept them?", "activity=contact relationship=not-student | activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("Doing some cleanup on my Facebook. I have a few kids on there who graduated 2-3 years ago, plus my nephew who's in 8th grade at the middle school. Do I need to unfriend any of them?", "activity=contact medium=existing-connection relationship=former-student | activity=contact medium=existing-connection relationship=close-family")]
    // A second "from" names someone else: a graduate and a current student are two parts, the student never dropped.
    [InlineData("I got friend requests from a girl who graduated in June and from a sophomore in my class. Can I accept them?", "activity=contact relationship=former-student | activity=contact medium=accept-request purpose=personal relationship=student")]
    // A purpose said between two ways of contacting is the first one's: the friend request's purpose is asked.
    [InlineData("can i text my students about the game schedule, and can i accept a friend request one of them sent me on facebook?", "activity=contact medium=text purpose=operations relationship=student | activity=contact medium=accept-request relationship=student")]
    // Said after the last one, it is both ways'.
    [InlineData("Can I text my students or email them from my personal gmail about homework?", "activity=contact medium=text purpose=educational relationship=student | activity=contact medium=personal-email purpose=educational relationship=student")]
    // One's own page beside a class account is a place of its own; beside another act it is only where that act happens.
    [InlineData("I'm going to ask the AD about a softball Insta this week. Until that's set up can I just post the team pics on my own Instagram?", "activity=school-account | activity=posting site=personal-site")]
    [InlineData("a 10th grader just requested to follow my private instagram. accept or ignore?", "activity=contact medium=accept-request purpose=personal relationship=student")]
    // Friending students from one's own account beside a class group is not done through the group: a part of its own
    // (clause 4), answered, never dropped (a team decision of 2026-12-05; this row expected one part before).
    [InlineData("make a Facebook group for my geometry classes for homework help, and friend the kids from my personal account so they can message me", "account-stage=new activity=school-account | activity=contact medium=friend-request")]
    [InlineData("we have a class facebook page and I friend the kids from my own account as well", "activity=school-account | activity=contact medium=friend-request")]
    // A new page beside texting its members is a part of its own; a personal site beside the class site is another way.
    [InlineData("FFA advisor. setting up a fb page for our chapter with me as admin, and texting members about the fair schedule. good?", "account-stage=new activity=school-account | activity=contact medium=text purpose=operations")]
    [InlineData("can i share my personal art website with students and also our district approved class site?", "activity=contact medium=personal-accounts purpose=personal relationship=student | activity=contact medium=school-platform relationship=student")]
    // Beside posting, the school day named in words is using social media at work, a part of its own (clauses 8, 9); a
    // clock time may say when the thing posted happened, and an evening says nothing of the school day.
    [InlineData("Can I post my vacation pics on insta during my prep?", "activity=posting content=own-content | activity=personal-use time=school-day")]
    [InlineData("Bus driver here. Can I post a tiktok of my route in the snow this morning? it's crazy out there", "activity=posting")]
    [InlineData("can I post the game photos on my insta tonight?", "activity=posting site=personal-site")]
    // One act asked twice, each question with its own reason: each is a part (the break's own use is not outweighed by
    // the emergency of the other). A stretch that only tells what happened is the story of the one asked.
    [InlineData("can I check instagram at lunch on my school laptop? and in an emergency could I check the sheriff's facebook page on it?", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day | access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("is it ok if I email my students from my personal gmail? the district email keeps bouncing", "activity=contact medium=personal-email relationship=student")]
    // A second question with another purpose ("what about a happy bday text?") is a part of its own.
    [InlineData("can I text my players the bus times? what about a happy bday text to my captain?", "activity=contact medium=text purpose=operations relationship=student | activity=contact medium=text purpose=personal relationship=student")]
    // A group on a messaging app for one's team, named beside its approval, is a team account (clauses 6, 12).
    [InlineData("thinking about a Discord with my players for film study. it isn't approved yet, do I need to ask?", "activity=school-account")]
    // The policy's own name says no purpose: "social media" is the subject, not a social reason.
    [InlineData("is it ok under the social media rules to remind my team about practice by text", "activity=contact medium=text purpose=operations relationship=student")]
    // What a colleague or the school posted is no posting of the staff member's own: no part for it.
    [InlineData("The principal posted a video of the game. Can I text the team about the next game?", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("the principal posted a photo of my class on her facebook, can i share it on mine?", "activity=posting content=district-material site=personal-site")]
    // Acts that happen through the account are one situation.
    [InlineData("Can I run a class Instagram account that students help post to from my tablet?", "account-stage=new activity=school-account")]
    // Social networking contact beside the school day named in words: being on the app at school is a part of its own,
    // about that time, whatever else the message says of when.
    [InlineData("My nephew is in 10th grade here and we snap each other on weekends and sometimes during my lunch at school. Ok?", "activity=contact relationship=close-family | activity=personal-use site-kind=social-networking time=school-day")]
    // ... Snapchat as a verb on one's own child, or messages on a named site: the part about the school day is on a social
    // networking site, which it is not asked again (sealed15's CH020: the family exception answered alone).
    [InlineData("can i snap my own son during the school day? hes in 6th grade at my building", "activity=contact relationship=close-family | activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("can i message my daughter on instagram during my prep period?", "activity=contact relationship=close-family | activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Can I accept my granddaughter's friend request from my school laptop?", "activity=contact medium=accept-request purpose=personal | activity=personal-use device=district-device site-kind=social-networking")]
    // Beside a school account, checking one's own personal account is one's own use.
    [InlineData("I run the school's instagram from my district laptop. Can I also check my personal instagram on it?", "account-stage=approved activity=school-account | activity=personal-use device=district-device site-kind=social-networking")]
    // One of several is the relative: the others are a part of their own.
    [InlineData("some 8th grade boys asked to add me on xbox to play online. one of them is my nephew. ok?", "activity=contact relationship=close-family | activity=contact medium=accept-request relationship=student")]
    // "Them both" after two relatives named: the two, no one else.
    [InlineData("My son is a sophomore and my daughter is in 7th grade, both in the district. Can I text them both during the day?", "activity=contact relationship=close-family")]
    // Email to the kids' school accounts beside the school's page: each a part, the kids still read as students.
    [InlineData("Principal asked me to post the closure on the school Facebook page tonight, and I'm also going to email my kids' school accounts their makeup work.", "account-stage=approved activity=school-account | activity=contact medium=school-email purpose=educational relationship=student")]
    // What a colleague posted is background (the principal's video, above), unless the message asks about it too: then it is
    // a part of its own.
    [InlineData("During yesterday's lockdown I checked the sheriff's FB page on my phone for updates. My coworker also posted a pic of her kids huddled in the corner on Facebook. Was hers ok too?", "activity=posting | access-reason=emergency-access activity=personal-use site-kind=social-networking")]
    // A group made "with all 40 members" beside texting the officers: each a part.
    [InlineData("FFA advisor here. For our fruit sale fundraiser I want to make a GroupMe with all 40 members to announce pickup times and sales totals, plus text the officers directly when I need help with setup. Do I need to run either by the office?", "account-stage=new activity=school-account | activity=contact medium=text purpose=operations")]
    // A group on a messaging app named for the team is an account to approve, beside giving out one's cell.
    [InlineData("I want to give my runners my cell for meet days, and also start a team GroupMe for schedules", "account-stage=new activity=school-account | activity=contact medium=phone-number purpose=operations relationship=student")]
    // A plain cue outweighed only by a specific one said in another sentence: one's own use at lunch beside an emergency,
    // in the order written.
    [InlineData("At lunch I scroll Instagram on my school laptop. And during the lockdown last week I checked the sheriff's page on Facebook. Is either one a problem?", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day | access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    // Someone new brought in after the parents, in a stretch of their own: a part for the student, not dropped. Not so for
    // the same person told more of ("He's a 10th grader").
    [InlineData("I call parents from my cell when a kid is sick, and I'd like to give a 10th grader my number so she can text me. ok?", "activity=contact relationship=not-student | activity=contact relationship=student")]
    [InlineData("My nephew is on my team. Can I text him? He's a 10th grader.", "activity=contact relationship=close-family")]
    // Beside a team account, following students from one's own account is not done through the team account: a part.
    [InlineData("The principal approved a club Instagram with herself as admin. Could I also follow the club kids from my personal account?", "activity=school-account | activity=contact medium=friend-request relationship=student")]
    // A parent is never the student a way of contacting acts on, wherever the students are named: two parts, in the order
    // written. Not so where the students only say whose parent ("His kids go here").
    [InlineData("Can I text my 3rd graders a reminder about the field trip and call their parents about the permission slips?", "activity=contact medium=text purpose=operations relationship=student | activity=contact relationship=not-student")]
    [InlineData("A dad from our PTO sent me a friend request. His kids go here. ok?", "activity=contact relationship=not-student")]
    // ... nor when they are named by their children ("my students' parents"), before the students.
    [InlineData("can I phone my students' parents from my cell and text the students?", "activity=contact relationship=not-student | activity=contact medium=text relationship=student")]
    // Two exceptions listed for two people: a part each, "both" naming just them.
    [InlineData("can I text my son and my foster daughter? they're both in 6th grade here", "activity=contact relationship=close-family | activity=contact relationship=legal")]
    // "Both of them" after two relatives points at the two, no one else; being someone's friend names no one else.
    [InlineData("my daughter and my stepson both go to my school, ok to text both of them?", "activity=contact relationship=close-family")]
    // Over the three parts a message keeps, a repeated relative's part goes before the friends' (never the friends').
    [InlineData("my son and my foster daughter are both students here. can I follow them on Instagram and give their friends my number?", "activity=contact medium=friend-request relationship=close-family | activity=contact medium=friend-request relationship=legal | activity=contact medium=phone-number relationship=student")]
    // ... and the friends are never given the son's exception when no words say who they are: asked, about the number given
    // them (the act said beside them).
    [InlineData("my son and my foster daughter both go to my school. can I follow them on Instagram and give their friends my number?", "activity=contact medium=friend-request relationship=close-family | activity=contact medium=friend-request relationship=legal | activity=contact medium=phone-number")]
    [InlineData("I'm the legal guardian of my grandson, he's a freshman here. Can I be his friend on instagram?", "activity=contact relationship=legal")]
    // Two ways of contacting, each in a stretch of its own: the others pointed at beside one are its people, not the relative's.
    [InlineData("My granddaughter is in my 2nd-hour biology class. I'd like to text her about Sunday dinner at my house, and I also need to email her lab partner about a missing lab sheet, from my school email to his school email.", "activity=contact medium=text relationship=close-family | activity=contact medium=school-email relationship=student")]
    // ... or someone named plainly beside one of them, the relative named beside the other.
    [InlineData("I text my daughter who's a freshman here, and I emailed a senior about his transcript from my school email to his school email. Both fine?", "activity=contact medium=text relationship=close-family | activity=contact medium=school-email relationship=student")]
    // Two exceptions in sentences of their own, then "both of them" ("also" adding the second): a part each, no one else.
    [InlineData("My niece is in 7th grade here, and I'm also the legal guardian of my foster son, who's in 8th grade here. I text both of them about family things like rides and weekend plans.", "activity=contact relationship=close-family | activity=contact relationship=legal")]
    // A stretch naming no one takes the person said just before it when only "also" cuts them; after "and" a pronoun may be
    // anyone's, so who it is, asked.
    [InlineData("One of my high school riders left his jacket on the bus, and I'd like to text him to let him know I have it. His mom also sent me a Facebook friend request. Are both okay?", "activity=contact medium=text purpose=operations | activity=contact medium=accept-request purpose=operations relationship=not-student")]
    // A relative said to stand in another tie to the person is someone else's tie: who the person is, asked.
    [InlineData("my brother is his boss at Safeway, can I follow him?", "activity=contact medium=friend-request")]
    [InlineData("my sister coaches her travel team. can I text her about practice?", "activity=contact medium=text purpose=operations")]
    [InlineData("Can I text one of my freshmen? my brother is his dad's boss", "activity=contact medium=text relationship=student")]
    [InlineData("Can I add one of my 8th graders on snapchat? my brother is his godfather", "activity=contact medium=other-app relationship=student")]
    [InlineData("can I text one of my freshmen? my nephew is friends w him", "activity=contact medium=text relationship=student")]
    [InlineData("can I friend a student on facebook? my daughter is in his class", "activity=contact medium=friend-request relationship=student")]
    [InlineData("my cousin is the coach of one of my students, can I text him?", "activity=contact medium=text relationship=student")]
    // A group the relative works with is other people: "her lab group" is no part of the daughter's.
    [InlineData("Can I text my daughter about dinner, and email her lab group from my gmail?", "activity=contact medium=text relationship=close-family | activity=contact medium=personal-email")]
    // A social site checked beside one's email is the social site at school; going on it with a district laptop is using it.
    [InlineData("Is it ok to go on Facebook with my district laptop on weekends?", "activity=personal-use device=district-device site-kind=social-networking time=outside-school")]
    [InlineData("Can I check my gmail and facebook during my prep?", "activity=personal-use site-kind=social-networking time=school-day")]
    // A school purpose and a personal one each in a clause of its own: two parts ("and while I'm at it ask how his weekend
    // at the lake was" is a personal text of its own).
    [InlineData("Can I text one of my students to remind him to bring his permission slip, and while I'm at it ask how his weekend at the lake was?", "activity=contact medium=text purpose=operations relationship=student | activity=contact medium=text purpose=personal relationship=student")]
    // A relative who only tells of, or brings in, someone named later in the sentence is not the person.
    [InlineData("My granddaughter told me a boy on my bus is getting picked on. Can I text the boy?", "activity=contact medium=text relationship=student")]
    [InlineData("my son invited a kid from my class to his party, and I'd like to text him the address", "activity=contact medium=text purpose=personal relationship=student")]
    // ... but a relative who is the person's parent makes the person family.
    [InlineData("my brother is his dad, can I follow him?", "activity=contact relationship=close-family")]
    // "The rest of the family" points at no one else; keeping someone posted is no posting.
    [InlineData("my nephew is in 7th grade here. I'd like to send him a friend request on Facebook so I can see his pictures like the rest of the family does", "activity=contact relationship=close-family")]
    [InlineData("Her mom asked if I could keep her posted on what she's missing. Can I text the student from my cell with the reading?", "activity=contact medium=text")]
    // Snaps sent beside asking to reply at lunch at school: the use of Snapchat at school is a part of its own.
    [InlineData("my nephew is in 7th grade here. we send each other snaps. is that ok, and can I answer him during my lunch at school?", "activity=contact relationship=close-family | activity=personal-use site-kind=social-networking time=school-day")]
    // Some students at their personal email, the rest by school email: the personal email decides.
    [InlineData("the portal was down so I emailed the study guide to a few kids at their personal emails and the rest at school email", "activity=contact medium=personal-email relationship=student")]
    // A friend of one's child sleeping over, and the pickup after: personal; "text the friend" names someone besides the son.
    [InlineData("my son has a friend sleeping over, he's in my 5th period. can I text the friend about pickup time?", "activity=contact relationship=close-family | activity=contact medium=text purpose=personal relationship=student")]
    // Someone else named by their class in a later sentence than the relative: the others' part is theirs, a student.
    [InlineData("My niece is a sophomore here. Her friend is in my 3rd period biology class. Can I snap them both?", "activity=contact relationship=close-family | activity=contact medium=other-app relationship=student")]
    // Someone beside a relative named by whose friend or child they are: a part of their own, never covered by the
    // relative's exception (a break-it helper's cases). A boyfriend in the story is no one asked about.
    [InlineData("can I text my granddaughter and my neighbor's kid, who is in my 5th period, about the lake trip?", "activity=contact relationship=close-family | activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("Can I snap my son and his girlfriend? She's a junior in my 1st period English", "activity=contact relationship=close-family | activity=contact medium=other-app relationship=student")]
    [InlineData("Can I dm my granddaughter and her best friend who I have in 2nd period?", "activity=contact relationship=close-family | activity=contact medium=other-app")]
    [InlineData("a girl in my class texted me last night about her boyfriend breaking up with her. can I text back?", "activity=contact medium=text purpose=personal relationship=student")]
    // Two people a way of contacting acts on, the relative and a student (a team decision on 2026-12-05: this row was in
    // FalseReadingsTests as one student, read from "my nephew and also my student" as a third party's family; the
    // student's part is still there, and forbidden, and the nephew is answered too).
    [InlineData("can i text my nephew and also my student about her boyfriend?", "activity=contact relationship=close-family | activity=contact medium=text purpose=personal relationship=student")]
    // The kids snapped after their parents are called: a part of their own.
    [InlineData("Is it ok to call the kids' parents and snap the kids about practice?", "activity=contact relationship=not-student | activity=contact medium=other-app purpose=operations relationship=student")]
    // A family outing's pickup is personal, a field trip's is school business.
    [InlineData("can I text a student in my 4th period about the pickup time for our family camping trip?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("can I text the team about the field trip pickup time?", "activity=contact medium=text purpose=operations relationship=student")]
    // Someone asked about after the relative ("but what about …"): a part, not covered by the family's exception.
    [InlineData("I text my own daughter all the time, but what about the girl I tutor on Saturdays?", "activity=contact relationship=close-family | activity=contact medium=text")]
    // Someone named by what the staff member does with them, joined by "or": asked about, not covered by the nephew's
    // exception. Said of the nephew himself, no one else.
    [InlineData("can I text my nephew or the boy I coach?", "activity=contact relationship=close-family | activity=contact medium=text")]
    [InlineData("the boy I coach is my nephew. can I text him?", "activity=contact relationship=close-family")]
    // "The other from …" names someone else beside a graduate.
    [InlineData("I got two follow requests. One from a former student who is at college now, the other from the 7th grader next door. Can I accept?", "activity=contact relationship=former-student | activity=contact medium=accept-request purpose=personal relationship=student")]
    // A second person brought in with "and": the relative's exception does not cover the girl from class.
    [InlineData("My nephew and a girl from my class both added me on snapchat. ok to accept?", "activity=contact relationship=close-family | activity=contact medium=accept-request purpose=personal relationship=student")]
    // The way of contacting said of each person is theirs: the students by school email, the own kid by Gmail; and one said
    // of both is both's.
    [InlineData("Can I email my students from my school account to their school accounts, and also email my own kid at her personal Gmail?", "activity=contact relationship=close-family | activity=contact medium=school-email relationship=student")]
    [InlineData("can I email my nephew at his gmail and a girl from my class too?", "activity=contact relationship=close-family | activity=contact medium=personal-email relationship=student")]
    // What crosses the line between staff and student is a personal purpose beside the school one, each part answered.
    [InlineData("can I text a student about the assignment and ask what she's wearing", "activity=contact medium=text purpose=educational relationship=student | activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("can I send a student a message in schoology about the quiz and tell her she's my favorite and to keep it between us", "activity=contact medium=school-platform purpose=educational relationship=student | activity=contact medium=school-platform purpose=personal relationship=student")]
    [InlineData("can I text a student that school is cancelled and that I love her", "activity=contact medium=text purpose=emergency relationship=student | activity=contact medium=text purpose=personal relationship=student")]
    // Posting in the class's Google Classroom is reaching the students through the school's tool.
    [InlineData("Can I email the study guide to my students' school accounts and also post it in our Google Classroom?", "activity=contact medium=school-email purpose=educational relationship=student | activity=contact medium=school-platform purpose=educational relationship=student")]
    // The graduates' younger brothers and sisters in one's class are others, asked about in a part of their own.
    [InlineData("Can I stay Snapchat friends with the kids who graduated last year and add their younger brothers and sisters who are in my class now?", "activity=contact relationship=former-student | activity=contact medium=friend-request relationship=student")]
    // A personal meeting beside a school word is a personal purpose, a part of its own.
    [InlineData("Can I text my player to meet me for a movie after practice?", "activity=contact medium=text purpose=personal relationship=student | activity=contact medium=text purpose=operations relationship=student")]
    // A daughter's friend group is others; the student beside the parents or a colleague is a part of their own.
    [InlineData("hey quick q my daughter is a junior and her whole friend group is in my chem class they want to follow my private insta can i let them", "activity=contact relationship=close-family | activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("Can I accept friend requests from my colleague and her daughter who is my student?", "activity=contact relationship=not-student | activity=contact medium=accept-request purpose=personal relationship=student")]
    // Texting one's wife and shopping online: two acts, two parts.
    [InlineData("During lunch I text my wife and order groceries online on my own phone.", "activity=contact relationship=not-student | activity=personal-use site-kind=other-site")]
    // A typo of "friends" still points at others beside the niece.
    [InlineData("can i text my niece and her freinds about the sleepover", "activity=contact relationship=close-family | activity=contact medium=text purpose=personal")]
    // The students given one's number are someone other than the parents texted after them: a part each, in the order written.
    [InlineData("Science trip on Friday. Can I give the students my cell and text them where to meet? And I'd text the parent chaperones the same.", "activity=contact purpose=operations relationship=student | activity=contact relationship=not-student")]
    // Running the district's page is what the principal asked for; checking one's own Facebook meanwhile is one's own use.
    [InlineData("My principal asked me to manage the district's Facebook page during my planning period. Can I also check my own Facebook while I'm logged in?", "account-stage=approved activity=school-account | access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    // A messaging-app group made for the choir is a school account; the personal Instagram "where I post my concerts" is what
    // is shared with them, not a posting of its own.
    [InlineData("I'd like to start a WhatsApp group for the choir for schedule changes, and also give them my personal Instagram where I post my concerts.", "account-stage=new activity=school-account | activity=contact medium=personal-accounts purpose=personal")]
    // Picking up one's own child is the family's errand, and a ride home in one's car is personal: the teammate's part is
    // personal contact, not the team's business.
    [InlineData("I pick up my son from soccer most days. Can I text him and his teammate, who's in my 3rd period, that I'm giving them a ride home?", "activity=contact relationship=close-family | activity=contact medium=text purpose=personal relationship=student")]
    // Pro sports talk beside the team's practice: two purposes, two parts.
    [InlineData("My cheer girls text me about practice, and one of them keeps texting me about the NFL draft. ok?", "activity=contact medium=text purpose=operations relationship=student | activity=contact medium=text purpose=personal relationship=student")]
    // Being reachable if a student is separated on a trip is the trip's business; checking on the bus is no checking on a
    // person; a counselor's title is no purpose.
    [InlineData("Can I give the kids on the trip my cell in case anyone gets separated?", "activity=contact medium=phone-number purpose=operations relationship=student")]
    [InlineData("A few riders gave me their numbers so they could check on the bus. Can I text them that we're running late?", "activity=contact medium=text")]
    [InlineData("I'm a high school counselor. Can my seniors call my cell about their college applications?", "activity=contact medium=phone-number purpose=educational relationship=student")]
    // Two people counted off one by one: the graduate and the junior are a part each.
    [InlineData("want to follow 2 kids on insta, one graduated last yr and one's a junior now. ok?", "activity=contact relationship=former-student | activity=contact relationship=student")]
    // Errands, favors, invitations and dates asked of students are personal, beside a practice reminder a part of their own;
    // a relative's "bestie" is someone else (a break-it helper's list, 2026-12-06).
    [InlineData("can i text my players to ask one of them to pick up my dry cleaning", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("Can I text my team to see if anyone wants to go to the Griz game with me saturday?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("can I text the kids on my team to remind them of practice and ask one of them out for coffee", "activity=contact medium=text purpose=operations relationship=student | activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("can i text my players about practice and also see if any of them want to help me move this weekend", "activity=contact medium=text purpose=operations relationship=student | activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("can i snap my daughter and her bestie who's on my volleyball team, just silly stuff", "activity=contact relationship=close-family | activity=contact medium=other-app relationship=student")]
    // A personal DM to a player from the approved team account is a use of its own beside the schedule posted there.
    [InlineData("Our team instagram is approved by the principal. Can I post our game schedule on it and DM a player about his girlfriend drama?", "account-stage=approved account-use=school-news activity=school-account | account-stage=approved account-use=personal-contact activity=school-account")]
    // Named legal guardian before saying of whom, and "he's a freshman here" in the next sentence is the same boy: one part.
    [InlineData("Since March I've been legal guardian for a 14 yr old boy the court placed with me. He's a freshman here. Can I text him?", "activity=contact relationship=legal")]
    // Two people and two media, each said in its own stretch: the student by school email, the dad by Gmail (the Gmail does
    // not override the school email of another act); a graduate's sister who is a sophomore now is a part of her own (fresh
    // batches 34-37, 2026-12-06).
    [InlineData("Two things: I want to email a student through school email about a makeup test, and also email his dad from my gmail since he never checks the school one. Both ok?", "activity=contact medium=school-email relationship=student | activity=contact medium=personal-email relationship=not-student")]
    [InlineData("can i follow a grad from last yr on insta and her sister whos a soph now", "activity=contact relationship=former-student | activity=contact medium=friend-request relationship=student")]
    // What a coworker says the rule is, is no act asked.
    [InlineData("my son's a sophomore at the high school. can I text him during the day? a coworker said we're not allowed to text students at all which seems nuts", "activity=contact relationship=close-family")]
    // A relative who goes along with the staff member is not the person asked about; "also" of one person's second role
    // points at no one else; one relative's words may name two (fresh batches 42-43, 2026-12-06).
    [InlineData("Can I text one of my runners to see if he wants to come fishing with me and my son on Saturday?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("My daughter and I want to invite one of my students to her birthday party, can I text him?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("One of our seniors works at my family's store and I'm also his government teacher. Can I text him about his shifts?", "activity=contact relationship=employment")]
    [InlineData("my husband's nephew and niece both go here. can I add them on insta?", "activity=contact relationship=close-family")]
    // A second act toward the relative named ("I also email her family pics") adds no one; a page others post on is where one
    // reads; parents who keep calling the office are the story, not an act (the tenth sealed part's misses, 2026-12-06).
    [InlineData("My niece is in my algebra class. I send her homework from my school email, and I also email her family pics from my Gmail. Any problem with either?", "activity=contact relationship=close-family")]
    [InlineData("My daughter's daycare had a water main break and they're only posting pickup updates on their Facebook page. Can I check it on my phone between classes today?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Front office here. Parents keep calling about the late start tomorrow. Can I just post the district notice on my Facebook so more people see it?", "activity=posting content=district-material site=personal-site")]
    // A habit told before the question is no act asked ("I run a fishing channel"); its name asked for is access to it; posting
    // in a group chat is messaging its members; the mail one reads at lunch is one's own use; whom a question is asked for
    // is no one contacted (fresh batches 46-47, 2026-12-06).
    [InlineData("I run a fishing channel on YouTube, mostly me out on the Bitterroot with my dog and my family. A few of my students asked what it's called. Can I tell them?", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("A team mom started a group chat for the softball team and added me, the parents, and most of the players. I'd use it to post practice changes. Is that allowed with kids in it?", "activity=contact medium=text relationship=student")]
    [InlineData("I'm in the attendance office. At lunch can I check Facebook and my personal Gmail on my phone?", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("theres a girl in my dance elective who posts her dances on tiktok. would it be weird if i followed her? just want to cheer her on", "activity=contact medium=friend-request purpose=personal relationship=student")]
    [InlineData("Asking for a colleague - she wants to put our district's 4th grade curriculum map up on her Teachers Pay Teachers store next to her own stuff. Allowed?", "activity=posting content=district-material site=personal-site")]
    // Someone counted in beside the ones an exception covers ("a third senior who doesn't work there") is a part of their
    // own (the twelfth sealed part's false allowed, 2026-12-06).
    [InlineData("Two of my seniors work with me at the pizza place on weekends and we've got a group chat for shift swaps. Now a third senior who doesn't work there wants to be added so she can hang out with us. Is it fine having the two in it, and can I add her?", "activity=contact relationship=coworker | activity=contact medium=text purpose=personal relationship=student")]
    // A relative's friends are others (the fifteenth sealed part's false allowed, CG022).
    [InlineData("My wife teaches 1st grade at the elementary. Our daughter is in 7th grade at the middle school. My wife follows our daughter on TikTok, which seems fine, but now our daughter's volleyball friends keep sending her follow requests. Can she accept the friends?", "activity=contact medium=friend-request relationship=close-family | activity=contact medium=accept-request relationship=close-family | activity=contact medium=friend-request purpose=personal relationship=student")]
    // "I also" of one's own second act toward the one named is no one else ("I also texted my son … to tell him"); of a new
    // act toward others it is ("I also coach the golf team and text all the players").
    [InlineData("When the building got evacuated for the gas leak Tuesday I checked the fire department's Facebook for updates, and I also texted my son, who's a sophomore here, to tell him where I was and make sure he was ok. Was either of those against the rules?", "activity=contact relationship=close-family | access-reason=emergency-access activity=personal-use site-kind=social-networking")]
    [InlineData("I have legal guardianship of my grandson, who's a junior here. I text him and follow him on Instagram. I also coach the golf team and text all the players about tee times. Any of that a problem?", "activity=contact medium=text relationship=legal | activity=contact medium=friend-request relationship=legal | activity=contact medium=text relationship=student")]
    // Someone else's act told before the question is no part; a page made for students to use is a class account; one's
    // own children's daycare names no student; a district job's crew is the district's business; wanting only to text is
    // personal (fresh batches 48-49, 2026-12-06).
    [InlineData("A 7th grader in my class is always telling me about her dance videos on TikTok and wants me to follow her. Is it ok to follow?", "activity=contact medium=friend-request relationship=student")]
    [InlineData("I'm the secretary and I also do the yearbook. I want to make a Facebook group where kids and parents can drop photos for the yearbook. I'd be the only admin. Do I need permission?", "account-stage=new activity=school-account")]
    [InlineData("my kids daycare only posts closures on their fb and theres a water main break by them today, can i check it on my phone during my prep?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("custodian here. i supervise a high school kid the district hired for the summer cleaning crew. ok to text him about shift times?", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("a sophomore works in the front office w/ me as a student aide, ok to give her my cell? and another kid asked for it too just to text me", "activity=contact medium=phone-number purpose=personal relationship=student")]
    // Students' birth dates are private information, even on an approved class account; an account wanted for a school
    // show is a new class account; being paid on one's own payment app is access to it (fresh batches 50-51, 2026-12-06).
    [InlineData("Our class Instagram is approved and the principal is an admin on it. I post class projects, and I was going to start birthday shout-outs with each kid's name, photo and birth date. Is that okay?", "activity=posting content=confidential | account-stage=approved account-use=school-news activity=school-account")]
    [InlineData("want to start an insta for our spring musical to hype ticket sales. can I just set it up myself?", "account-stage=new activity=school-account")]
    [InlineData("cookie dough fundraiser for volleyball. can the girls just venmo me directly?", "activity=contact medium=personal-accounts purpose=operations")]
    // A group on a messaging app for what it carries is a class account, "which I'd set up" a new one; asked whether one is on an app, a
    // username told, a page one hops on to read, a parent told news of her son, "shes a freshman" said of one's stepdaughter,
    // students' accounts watched for administration, a travel blog shared "so my 6th graders can see my pictures" (fresh
    // batches 52-53, 2026-12-06).
    [InlineData("Boys basketball coach. The guys want a GroupMe for practice times and bus info, which I'd set up. Also I've been cutting highlight clips from the game film - can I put those on my YouTube channel so parents can watch?", "account-stage=new activity=school-account | activity=posting site=personal-site")]
    [InlineData("One of my 5th graders asked today if I'm on TikTok because her cousin said she saw me. I do post, mostly dance videos and stuff about my dog. I kind of laughed and told her my username. Is that a big deal?", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("Librarian here. During my prep I hop on the Friends of the Library Facebook group on my phone to see who signed up to volunteer for the book fair. That counts as work, right?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Can I text a student's mom from my own phone to let her know her son needs a refill on his inhaler?", "activity=contact relationship=not-student")]
    [InlineData("whats the rule on whatsapp w my stepdaughter? shes a freshman", "activity=contact relationship=close-family")]
    [InlineData("can i txt my daughter during lunch and also her friend who needs a ride home from practce? shes in my 4th hr", "activity=contact relationship=close-family | activity=contact medium=text purpose=personal")]
    [InlineData("I'm the assistant principal at the middle school. After a threat rumor went around last week, the superintendent asked me to keep an eye on a couple of public student TikTok and Instagram accounts during the school day and flag anything concerning. I'm worried I'm breaking our own policy by being on social media at work. Am I?", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("PE. My classes love the warm-up playlist and keep asking for my Spotify so they can follow me. My profile has all my personal playlists and what I'm listening to. Is it fine to give them my username?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    [InlineData("I keep a travel blog about my summers abroad. Would it be alright to put the link on my class website so my 6th graders can see my pictures from Peru?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // Administration's request for the school's page is no reason to be on one's own page (the access reason is asked).
    [InlineData("Principal asked me to keep the school Facebook page updated during the day with announcements. Since I'm on Facebook anyway for that, is it ok if I hop over to my own page now and then to check notifications?", "account-stage=approved account-use=school-news activity=school-account | activity=personal-use site-kind=social-networking time=school-day")]
    // Friend requests sent with no one named before "sending"; emailing "through the school system"; a student teacher
    // "technically a 'student'" is asked about; guardianship held "of my nephew" or "of his cousin"; someone the one named
    // does something with, pointed at again, is another person (the thirteenth sealed part's misses, 2026-12-06).
    [InlineData("thinking of sending friend requests on FB to my homeroom kids, mostly so I can see what's going on in their lives. any issue with that?", "activity=contact medium=friend-request purpose=personal relationship=student")]
    [InlineData("Can I email students through the school system about their projects and then message their parents on Facebook Messenger about how they're doing?", "activity=contact medium=school-email purpose=educational relationship=student | activity=contact medium=school-email relationship=not-student | activity=contact medium=other-app relationship=not-student")]
    [InlineData("We have a student teacher from the university in my room this semester, and she sent me a friend request on Facebook. Since she's technically a 'student,' does the policy stop me from accepting it?", "activity=contact medium=accept-request purpose=personal")]
    [InlineData("My stepson is in 9th grade at the high school where I teach, and my wife and I also have legal guardianship of his cousin, who's in 6th grade at the middle school. Can I have both of them as friends on Facebook and text them?", "activity=contact relationship=close-family | activity=contact relationship=legal")]
    [InlineData("i'm legal guardian of my grandson (4th grade) and he wants a sleepover w a kid from my class. can i give that kid my cell to set it up?", "activity=contact relationship=legal | activity=contact medium=phone-number purpose=personal relationship=student")]
    [InlineData("my grandson (4th grade) wants a sleepover w a kid from my class. can i give that kid my cell to set it up?", "activity=contact relationship=close-family | activity=contact medium=phone-number purpose=personal relationship=student")]
    // Students named on their photos are their private information, even on an approved account (the fourteenth sealed
    // part's false allowed, CB029, 2026-12-06).
    [InlineData("The principal approved an Instagram for our marching band and she's one of the admins. I want to post the competition schedule, and also photos of the kids at competition with their names tagged. Ok to do both?", "account-stage=approved account-use=confidential activity=school-account")]
    // Someone else's guardianship is no exception of the staff member's; "about his day" is chat; a role on "the special
    // ed bus" is no bus business (fresh batch 54, 2026-12-06).
    [InlineData("I'm a para on the special ed bus. I gave my cell to one boy's grandma, she's his legal guardian. Now he wants it too so he can text me about his day. Can I give it to him?", "activity=contact relationship=not-student | activity=contact medium=phone-number purpose=personal")]
    // A second, separate account beside an approved one is a new account of its own (fresh57, CQ028's false allowed).
    [InlineData("Our team GroupMe is approved by the AD and he's the admin. Can I post practice times there, and also start a separate team Instagram to show off highlights?", "account-stage=approved activity=school-account | account-stage=new activity=school-account")]
    // A scout troop's fundraiser is no school business (sealed16, CM030's false allowed).
    [InlineData("Last night he texted me asking if I want to buy popcorn for his scout troop fundraiser. He's in my chemistry class. Can I text back?", "activity=contact medium=text purpose=personal relationship=student")]
    // Fostering said before the placement, and others named only to compare with: one foster daughter, two ways (sealed16,
    // CM021); a dropout enrolled nowhere has left (CL029).
    [InlineData("My husband and I became licensed foster parents this fall, and a 14-year-old girl was placed with us. She goes to the middle school where I teach PE, and she's in one of my classes. She wants to add me on Snapchat like her friends do with their parents, and she texts me when she needs a ride. Am I allowed to be connected with her on Snapchat and text her, given the district rules?", "activity=contact medium=accept-request relationship=legal | activity=contact medium=text relationship=legal")]
    [InlineData("A kid who dropped out last spring (he's 17) — ok if I call him on my cell just to check on him? He's not enrolled anywhere.", "activity=contact relationship=former-student")]
    // What students post, one's own rare posting and updating one's own profile are told as background, not asked as
    // posting: no part for them (rows whose writers had no line for "What would you post?").
    [InlineData("I'm a para in the resource room. Would it be weird if I followed a couple of my kids on TikTok? They post really funny stuff", "activity=contact relationship=student")]
    [InlineData("kid from my 2nd period sent me a friend request on facebook. do I just accept it? I barely post anything", "activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("during my prep can i hop on linkedin on the school computer to update my profile", "activity=personal-use site-kind=social-networking time=school-day")]
    // A personal-use part made beside posting on a site named as a social networking site is on such a site (fresh58,
    // CR048); on one's blog it is still asked which kind of site.
    [InlineData("Is it ok to post on my personal Facebook from my district Chromebook after school, like 4pm, when the kids are gone?", "activity=posting site=personal-site | activity=personal-use device=district-device site-kind=social-networking time=outside-school")]
    [InlineData("Is it ok to post on my personal blog from my district Chromebook after school?", "activity=posting site=personal-site | activity=personal-use device=district-device time=outside-school")]
    // Classmates caught in a picture make it a photo of students (fresh60, CV059); what students post, told as why one would
    // follow them, is no part (CU010).
    [InlineData("I post pics of my own kids on Facebook all the time, fine I assume. But my daughter's in my own kindergarten class this year, and some first-day pics of her were taken in my room with classmates in the background.", "activity=posting content=district-material")]
    [InlineData("I'm the K-12 music teacher. Is it ok if I follow some of my band kids on TikTok? A couple of them post really good drum covers.", "activity=contact medium=friend-request relationship=student")]
    // One's own page "for the parents who follow me" is one's own site (AN049); a server students started runs without a
    // district administrator (BV046).
    [InlineData("front office sec. could I post a pic of this months lunch menu and the school calendar on my own FB page for the parents who follow me", "activity=posting content=district-material site=personal-site")]
    [InlineData("some of my robotics kids started a discord server for the club and invited me. should I join", "account-stage=no-district-admin activity=school-account")]
    // The seventeenth sealed part's readings once scored: two purposes, each a part (CO043); school email and Facebook
    // checked together is the social site (CO041); the siblings of those named are others (CO044); a college's mail, the
    // district's named as the way not taken (CP027).
    [InlineData("I coach middle school cross country and also lead a Girl Scout troop with some of the same girls. Can I text them about meets and about troop meetings?", "activity=contact medium=text purpose=operations | activity=contact medium=text purpose=personal")]
    [InlineData("Can I check my school email and Facebook on the school laptop during my prep?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Two questions: can I friend my old 8th graders who just graduated high school, and what about their younger siblings who are in my class now?", "activity=contact relationship=former-student | activity=contact medium=friend-request relationship=student")]
    [InlineData("The college gives me a college email, and the kids have college addresses too. Can I email my dual-credit students there instead of through the district's email?", "activity=contact medium=personal-email relationship=student")]
    // Reminding students what to bring is school business (CO001); X used as a site, never "followed me on X" (CO035,
    // CV038); FaceTime as a verb (CO032).
    [InlineData("can I send a quick group text to my 5th graders tonight reminding them to bring their science fair boards tomorrow? most of them have phones", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("I mostly use X for teacher PD, reading threads on classroom management etc. Can I do that during my prep?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("a senior (he's 18) followed me on X. ok to follow back?", "activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("My granddaughter is in 1st grade at my school. She FaceTimes me from her mom's iPad some evenings. Any issue with that?", "activity=contact relationship=close-family")]
    // fresh61 and fresh62 (2026-12-07): a group counted in after a relative is students (CZ039's false allowed); being
    // reachable at any hour is no club business (CW057's); a second ask after a first (CW035).
    [InlineData("My niece added me to her Snapchat group to plan her birthday sleepover - it's her and like six 8th grade girls. Should I leave?", "activity=contact relationship=close-family | activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("I'm toying with the idea of making it a requirement that students text me whenever they're going to be absent or late. Should I do that?", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("Should I give my cell number to the kids in art club so they can reach me whenever", "activity=contact medium=phone-number purpose=operations relationship=student | activity=contact medium=phone-number purpose=personal relationship=student")]
    [InlineData("bus driver here, kids on my route asked for my number and to add me on tiktok", "activity=contact medium=phone-number relationship=student | activity=contact medium=accept-request relationship=student")]
    [InlineData("can the media center email students about overdue books from the library account and also put the new book displays on the library's approved insta", "account-stage=approved activity=school-account | activity=contact medium=school-email relationship=student")]
    // A follow students made is social unless a purpose is said (CL018); one the staff member would make is asked.
    [InlineData("I'm student teaching US history this semester and a few of the juniors already followed my TikTok before I started here. do I have to do anything about it?", "activity=contact medium=existing-connection purpose=personal relationship=student")]
    // What others were posting, read in a lockdown; a Google Site one makes (fresh63, DA031, DA035).
    [InlineData("We had a lockdown today and I checked Facebook on my phone to see what parents were posting about where the threat was. Did I break policy?", "access-reason=emergency-access activity=personal-use site-kind=social-networking")]
    [InlineData("Is it ok to put my students' first names and their current reading levels on a Google Site for parents to see?", "activity=posting content=confidential")]
    // The verb that names parents is still the way of contacting, and adding someone named at length on a site is a friend
    // request (BC022, BK045); an outside body's page one only checks is no site of one's own (AQ031, BG023).
    [InlineData("I'm new as vice principal. I'd like to friend parents on Facebook to build relationships, and maybe their kids too. Fine?", "activity=contact relationship=not-student | activity=contact medium=friend-request relationship=student")]
    [InlineData("I want to add a former student who graduated two years ago on Facebook, and her little sister who's a sophomore now keeps asking too. Can I add both?", "activity=contact relationship=former-student | activity=contact medium=friend-request relationship=student")]
    [InlineData("My daughter's daycare had a water main break this morning and they said they'd post updates on their Facebook page about whether parents need to pick up early. That's the only place they're posting. Can I check their Facebook on my phone during my class?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    // The eighteenth sealed part's readings once scored: guardian of one's own grandson, said of oneself, and a peek at his
    // Instagram at lunch (CS055); a 4-H club "totally separate from school" (CT015); "and also be her friend" is the same
    // person (AU038).
    [InlineData("I'm my grandson's legal guardian, he's in 6th here. Can I text him at lunch to check in, and also peek at his Instagram on my phone at lunch to see what he's posting?", "activity=contact relationship=legal | activity=contact medium=text | activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("I lead a 4-H club on weekends, totally separate from school, and three of the kids in it go to the high school where I'm the night custodian. The club uses a WhatsApp group for meetings and livestock show stuff, and the parents are in it too. Is it a problem that I'm in that group with those kids?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("I'm my granddaughter's legal guardian and she's a junior at the high school where I'm a secretary. Can I text her and also be her friend on Facebook?", "activity=contact relationship=legal")]
    // A team as a thing's owner points at no one ("his team bus", BS045). Two acts of one message, each said with its own
    // app, keep their app though a school platform would override another app inside one act (fresh65's DC009). A
    // colleague's relative, asked about in the third person (DB052, DB060), and others brought in with "some" (AO053); never
    // a relative of someone else beside "I" or "me" (D004), nor where a parent is the one asking (the student is asked).
    [InlineData("I'm my nephew's legal guardian, he's a junior here. Can I text him during the day, and can I check the booster club's Facebook on my phone during prep to see when his team bus gets back?", "activity=contact relationship=legal | activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("ok to send hw reminders on remind AND marco polo a kid whos having a rough time just to check on him?", "activity=contact medium=school-platform purpose=educational relationship=student | activity=contact medium=other-app purpose=support relationship=student")]
    [InlineData("A teacher's stepson is a senior in her AP Lit class. They're on Snapchat together and snap about family stuff. Any conflict with the policy?", "activity=contact relationship=close-family")]
    [InlineData("One of our paras is the legal guardian of her nephew, a 9th grader here. She gave him her cell and wants to follow him on Instagram so she can keep an eye on him. Fine?", "activity=contact relationship=legal")]
    [InlineData("Asking for a coworker: she teaches 2nd grade and her nephew is in her class, she texts him. She also gave her private Insta to some 5th graders who asked to see her wedding pics. Is she ok?", "activity=contact relationship=close-family | activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("One of our office ladies' daughter just started high school here. I've known her since she was born. She requested to follow me on insta - that's fine since I know the family, yeah?", "activity=contact medium=accept-request")]
    [InlineData("A mom asked our coach whether her son can text him", "activity=contact medium=text relationship=student")]
    // Students' posting told as why one is asked to watch the school's account is no posting of one's own (DC057); a
    // colleague giving out her own account (DC002); a site's notifications read at school (DC006); congratulating a student
    // on the school's page is its news (DC052).
    [InlineData("Our assistant principal asked me to keep an eye on the school's Instagram comments during my prep periods this month, because some kids were posting rude stuff. I'd use my school laptop.", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("my co teacher wants to give out her personal insta so the seniors can see her wedding pics lol. thoughts", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("quick q - i glance at insta notifs on my apple watch during class, like just reading them not replying. is that an issue", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("is replying to a kids comment on the school's official fb page a problem? like saying congrats on state from my account, at home", "account-stage=approved account-use=school-news activity=school-account")]
    // Paying a student for a job at one's home is employment (CJ030).
    [InlineData("I teach kindergarten. We're away this weekend, can I text my neighbor's boy, he's a sophomore at the high school, about feeding our cat? I'm paying him $40.", "activity=contact relationship=employment")]
    // A relative one's students would play with goes along; the students are asked about (sealed19's CX016).
    [InlineData("Two girls in my 4th grade class live on my street. Can I give them my cell number in case they ever need help walking home, and can they come over to play with my daughter?", "activity=contact medium=phone-number relationship=student")]
    // A school document and a personal photo album shared with students: two ways, two parts (fresh66's DG057 false allowed).
    [InlineData("can i share a google doc w my 4th graders thru their school accts and also share my google photos album from our disney trip w them? they keep asking", "activity=contact medium=school-email relationship=student | activity=contact medium=personal-accounts relationship=student")]
    // Where a foster son's friends all talk is why one would join him there, not a part for the friends (fresh66, DG019).
    [InlineData("I'm a licensed foster parent and I've had a boy placed with me since August. He's in 7th grade at the middle school. He just got a phone and most of his friends talk on Snapchat. Can I add him on Snapchat so I can keep track of him?", "activity=contact relationship=legal")]
    // Things put on a site one built, pointed at as "it", beside emailing its link: two parts (sealed20's DF046 false allowed).
    [InlineData("I built a Google Site on my personal Google account for my 9th grade biology classes. I put the class schedule and the seating chart with names on it so subs can find them easily, and it's public to anyone with the link. I email the link to students from my school account. Is that setup okay?", "activity=posting content=confidential | activity=contact medium=school-email purpose=operations relationship=student")]
    // A channel of book talks for the library is a school account, not one's own, beside emailing its link (fresh67's DJ056
    // false allowed: only the email was read).
    [InlineData("I'd like to start a YouTube channel of short book talks for the library and then send the link to students through my district Google account. Can I set that up this week?", "account-stage=new activity=school-account | activity=contact medium=school-email relationship=student")]
    // Students added to one's close-friends list, beside a school platform (fresh68's DK052).
    // A guardianship of one's granddaughter names one person, not two, so the team texted after her is a part of its own
    // (fresh74's EA046); a group a way of contacting acts on is never the exception's one person.
    [InlineData("I have legal guardianship of my granddaughter who's a freshman here, and I'm also the robotics coach. I text her about family stuff and text the robotics kids about competition schedules. Both fine?", "activity=contact relationship=legal | activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("I'm the legal guardian of my granddaughter. I text her about family stuff and text the robotics kids about hanging out this weekend. ok?", "activity=contact relationship=legal | activity=contact medium=text purpose=personal relationship=student")]
    // A break-it helper's messages (2026-12-08), where one's own relative was the only person read and the answer would
    // have been allowed: a team texted before one's son on it is named; a relative the student is friends with, or rides
    // along with, is a companion, not the person asked about.
    [InlineData("Is it ok to text the team about pizza at my house Saturday? My son is on the team and will be there.", "activity=contact medium=text relationship=student | activity=contact relationship=close-family")]
    [InlineData("Can I text happy birthday to one of my students? She's best friends with my daughter.", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("Can I give Hannah a ride to the concert with my niece? Hannah's in my 5th period class.", "activity=contact purpose=personal relationship=student")]
    [InlineData("Can I send vacation pics to the cheer squad group chat? My daughter is on the squad.", "activity=contact purpose=personal relationship=student | activity=contact relationship=close-family")]
    [InlineData("Can I friend request Olivia (my student) and my nephew (also a student here) on Facebook so they can see our family photos?", "activity=contact purpose=personal relationship=student | activity=contact relationship=close-family")]
    // (Not a rule reported of staff: "Someone at work said staff can't text students", AW014; a stepparent to a student said
    // that way round, DS024.)
    [InlineData("I'm a foster parent, and the 15-year-old placed with me goes to the high school where I'm a secretary. I text her all the time about rides, dinner, whatever. Someone at work said staff can't text students. Does that apply to me and her?", "activity=contact relationship=legal")]
    [InlineData("Kind of a blended household. I'm legal guardian of my nephew (junior) and stepmom to a sophomore, both at the high school where I teach. Can I follow both on Instagram and text them about rides and stuff?", "activity=contact relationship=legal | activity=contact relationship=close-family")]
    [InlineData("I post classroom stuff in Google Classroom, but I thought I'd also add my students to my Instagram close friends so they can see quick study tips in my stories. Ok?", "activity=contact medium=school-platform purpose=educational relationship=student | activity=contact medium=friend-request purpose=educational relationship=student | activity=posting site=personal-site")]
    // What the first act is about, pointed back to by the second ("email the list"), is both parts' (fresh68's DK053); not
    // where the second names nothing of it.
    [InlineData("Over summer can I text my incoming 8th graders a reminder about the summer reading list, and email the list from my school account?", "activity=contact medium=text purpose=educational relationship=student | activity=contact medium=school-email purpose=educational relationship=student")]
    [InlineData("can I text my students about homework and email them from my school account?", "activity=contact medium=text purpose=educational relationship=student | activity=contact medium=school-email relationship=student")]
    // An approved team account and a separate new one named in quotes: a part each (sealed22's DL051 false allowed, after
    // its one scoring: only the approved one was answered).
    [InlineData("The principal approved a robotics team Instagram and she's co-admin on it, which is great. I also want to make a separate 'Coach T' TikTok to post our robot clips and practice stuff. Can I do both?", "account-stage=approved activity=school-account | account-stage=new activity=school-account")]
    public void Parts(string utterance, string parts) =>
        Assert.Equal(parts, string.Join(" | ", Stevensville.Reader.ReadParts(utterance).Select(r => Stevensville.Text(r.Facts))));

    /// <summary>
    /// A stretch of the message that names an act and a thing of the subject, none of whose words was read as an act, is a
    /// part of its own (read from the stretch alone, starting with nothing when no act is read in it), never dropped
    /// beside the part read. Parts are written as in <see cref="Parts"/>, the stretch's part after the rest with its words.
    /// </summary>
    [Theory]
    // The way the personal site is shared is not read: its part starts with nothing, to be asked.
    [InlineData("can I text my team the practice times, and also share my photography site with them?", "activity=contact medium=text purpose=operations relationship=student | [share my photography site with them] ")]
    [InlineData("I'd like to text the cast the rehearsal changes. Also thinking of making a group for the cast on BeReal", "activity=contact medium=text purpose=operations | [thinking of making a group for the cast on BeReal] ")]
    // A done act, and an act with no thing of the subject: no part.
    [InlineData("IT hasn't set up my school email yet, so can I text my students about homework?", "activity=contact medium=text purpose=educational relationship=student")]
    [InlineData("I'm making a poster for the bake sale, can I text my students about it?", "activity=contact medium=text relationship=student")]
    // An act the person would rather not do: no part.
    [InlineData("Can I text my students the homework? I'd rather not set up some app for one week.", "activity=contact medium=text purpose=educational relationship=student")]
    // A message none of whose acts was read is asked about as a whole.
    [InlineData("My friend wants me to start a page for our book club. Also can I share it?", "")]
    public void A_stretch_no_act_of_which_was_read_is_a_part_of_its_own(string utterance, string parts) =>
        Assert.Equal(parts, string.Join(" | ", Stevensville.Reader.ReadParts(utterance)
            .Select(r => (r.Text == utterance ? "" : $"[{r.Text.Trim()}] ") + Stevensville.Text(r.Facts))));

    [Theory]
    [InlineData("Can I text a student?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I give a student my cell number?", "activity=contact medium=phone-number relationship=student")]
    [InlineData("May I email students from my Gmail?", "activity=contact medium=personal-email relationship=student")]
    // The sending end personal, whatever the receiving end: not school email.
    [InlineData("can I use my personal yahoo to email my AP bio kids their lab feedback? I'd send it to their school accounts", "activity=contact medium=personal-email relationship=student")]
    // "My school email" is one end: the student's end is asked. Both ends school: school-email.
    [InlineData("Can I email a student from my school email about the field trip?", "activity=contact purpose=operations relationship=student")]
    [InlineData("can i email a student from my work email", "activity=contact relationship=student")]
    [InlineData("Can I email a student at their school email about the field trip?", "activity=contact medium=school-email purpose=operations relationship=student")]
    [InlineData("Can I use school email to school email with my students?", "activity=contact medium=school-email relationship=student")]
    [InlineData("Is it OK to Snapchat with students?", "activity=contact medium=other-app relationship=student")]
    [InlineData("Can I DM a student on Instagram?", "activity=contact medium=other-app relationship=student")]
    [InlineData("Can I use ClassDojo to message my class about the field trip?", "activity=contact medium=school-platform purpose=operations relationship=student")]
    [InlineData("Can I message students on Teams about the assignment?", "activity=contact medium=school-platform purpose=educational relationship=student")]
    [InlineData("Can I send a friend request to a student?", "activity=contact medium=friend-request purpose=personal relationship=student")]
    [InlineData("Can I follow my students on TikTok?", "activity=contact medium=friend-request relationship=student")]
    [InlineData("A student sent me a friend request. Can I accept?", "activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("Can I let my students follow me on Instagram?", "activity=contact medium=accept-request relationship=student")]
    [InlineData("I'm already friends with students on Facebook from years ago.", "activity=contact medium=existing-connection relationship=student")]
    [InlineData("Can I share the link to my blog with my students?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // The link of one's own site put where students read it; students kept from following one are no request.
    [InlineData("I have a personal blog about my travels. Can I add the link to my class syllabus?", "activity=contact medium=personal-accounts purpose=personal")]
    [InlineData("Can I keep a personal Instagram of my hikes? It's private and I don't let students follow me.", "activity=posting site=personal-site")]
    // Snapchat as a verb; a student who is the staff member's boss at a job is employment.
    [InlineData("one of my juniors is my shift manager at the diner. can I snap him about my hours?", "activity=contact relationship=employment")]
    // Students asking for one's account by the app's name; telling one's class about one's own channel; following back;
    // a year of high school as the person.
    [InlineData("my 5th graders keep asking for my insta. can I give it to them?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    [InlineData("I have a cooking channel on youtube. Can I tell my students about it?", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("a junior on my team followed me on tiktok, is following back ok?", "activity=contact medium=accept-request purpose=personal relationship=student")]
    // Games on one's phone are another kind of site; working on one's own profile is using the site.
    [InlineData("can i play sudoku on my phone during my prep?", "activity=personal-use site-kind=other-site")]
    [InlineData("can I update my linkedin profile at lunch?", "activity=personal-use site-kind=social-networking time=school-day")]
    // A site one writes, named as "a …": "I write a Substack about my life … students asked for the link".
    [InlineData("I run a newsletter about my garden and my weekends. Some of my seniors asked for the link, can I send it?", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("A student got my number somehow and keeps texting me.", "activity=contact medium=student-initiated relationship=student")]
    [InlineData("Remind students about the quiz by text?", "activity=contact medium=text purpose=educational relationship=student")]
    // "DMd" is a direct message.
    [InlineData("a student DMd me on instagram about the quiz", "activity=contact medium=other-app purpose=educational relationship=student")]
    // Messaging apps on the phone number are texting; a FaceTime call is a call from one's own phone (clause 1); DMs on a
    // social networking site are another app (the Instagram DM row above).
    [InlineData("can I whatsapp a student?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I FaceTime a homebound student to go over lessons?", "activity=contact medium=phone-number purpose=educational relationship=student")]
    [InlineData("She asked if she could follow me on Instagram. Can I say yes?", "activity=contact medium=accept-request")]
    [InlineData("a kid in my 3rd period requested me on FB. ok to accept?", "activity=contact medium=accept-request relationship=student")]
    [InlineData("half the class wants my insta to hear my music. ok to give it out?", "activity=contact medium=personal-accounts")]
    [InlineData("One of mine asked if she can email the kids about their ecosystems project from the district account she got for her placement.", "activity=contact medium=school-email purpose=educational relationship=student")]
    [InlineData("my coworker has been snapchatting with a 9th grader she used to babysit. is that ok?", "activity=contact medium=other-app relationship=student")]
    // Only the giving verb is the medium's cue: whom it is given to is read too.
    [InlineData("can i give my students my personal ig so they can see my travel pics from summer", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    [InlineData("Is it a problem if I tell my students my spotify username so they can see what I listen to?", "activity=contact medium=personal-accounts relationship=student")]
    // Gmail alone may be the district's Google Workspace: asked.
    [InlineData("is gmail ok for emailing students?", "activity=contact relationship=student")]
    // The link of one's own blog put on the class website is access to it given to students.
    [InlineData("I have a personal travel blog. Could I put the link on my class website so the kids can see it?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // iMessage as a verb (fresh58, CR032).
    [InlineData("a girl from my 3rd period keeps imessaging me late at night about her boyfriend problems. is that ok?", "activity=contact medium=text purpose=personal relationship=student")]
    // Liking and commenting on a student's own posts is contact on the app, her posting only background (fresh66, DG035); a
    // personal photo album shared with students (DG057).
    [InlineData("a kid in my class posts dance videos on tiktok, public acct. is it weird if i like them and comment nice job? id do it at night from home", "activity=contact medium=other-app relationship=student")]
    [InlineData("can I show my students my wedding album?", "activity=contact medium=personal-accounts relationship=student")]
    // One's own account asked for by its handle (CO016: the request's purpose claim had swallowed it), or "the handle" after
    // naming it (CL035); a personal blog named with a word between ("a personal running blog about ...") is no posting (CY027).
    [InlineData("My 7th graders keep begging for my TikTok username. I don't post anything wild, just dance stuff and my cat. Can I tell them?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    [InlineData("I sell my paintings on Etsy and have an insta for it. some 8th graders asked for the handle—ok to give it to them?", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("I keep a personal running blog about my marathon training plus random life stuff. My track kids keep asking how I train. Can I give them the link?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // A channel that shows one's own life is shared for personal reasons (BB024).
    [InlineData("I started a YouTube channel where I vlog my weekends - hikes, cooking, my dog etc. Some of my students keep asking what it's called. Can I tell them?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // A duet of a student's video joins in on the app; what the student posted is background (fresh68's DK021).
    [InlineData("lol one of my students posted a dance video on tiktok and i want to duet it doing the same dance badly. harmless fun right? from my own account on the weekend", "activity=contact medium=other-app relationship=student")]
    // Asked whether to answer a student who wrote first: the answer's own way, not being found (fresh69's DN058); the link to
    // an album of one's own pictures (DN036); a congratulations on a win, from one's school account to the student's (DN033).
    [InlineData("if a student texts me first asking what the homework is, am i ok to answer? she got my number off the robotics contact sheet", "activity=contact medium=text purpose=educational relationship=student")]
    [InlineData("My students keep begging to see my wedding pics. Can I just send them the link to the shared google photos album?", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("one of my juniors won state in wrestling!! can I send him a congrats email, my school account to his?", "activity=contact medium=school-email purpose=support relationship=student")]
    [InlineData("kid from 5th period texted me congrats on my engagement, ok to text back and chat a bit?", "activity=contact medium=text purpose=personal relationship=student")]
    public void Media(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Theory]
    // Tweeting is posting; a tweet at someone is a message to them.
    [InlineData("Can I tweet photos of my class?", "activity=posting content=district-material")]
    [InlineData("A student tweeted at me last night. Can I answer?", "activity=contact relationship=student")]
    // A site named by its subject is the staff member's own; "my teacher page" is the district's.
    [InlineData("Can I post on my teaching blog about our class project?", "activity=posting site=personal-site")]
    // A student who works at the staff member's own business: employment (what way they text does not matter).
    [InlineData("One of my students works at the bakery my wife and I own. Can I text her about shifts?", "activity=contact relationship=employment")]
    // Asked for the handle of one's own site: sharing access to it ("asked for my snapchat" alone is another app), and the
    // way into the staff member's own personal life (clause 7), so a personal purpose.
    [InlineData("My students keep asking for my instagram handle. Can I tell them?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    [InlineData("Some students asked for the link to my blog. Can I give it out?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // A student who misses the class connects for a social reason.
    [InlineData("A student of mine wants to friend me on Facebook; she says she misses my class.", "activity=contact medium=accept-request purpose=personal relationship=student")]
    // Joining a server or group the students run is seeking their contact (the public row 58's reading).
    [InlineData("Students are fighting on a Discord server outside school. Can I join it to see what's going on?", "activity=contact medium=friend-request relationship=student")]
    // "I run a shop … a student works there": employment.
    [InlineData("I run a pizza place on the side and one of our juniors works there on weekends. Can I text her about shift changes?", "activity=contact relationship=employment")]
    // The parent of a student is the person contacted; the students only say whose parent.
    [InlineData("Can I accept a friend request from the mom of one of my current kids?", "activity=contact relationship=not-student")]
    // Seniors after their graduation have left; "the link" after naming one's own blog is its link.
    [InlineData("Graduation was last Saturday. Some of my seniors want to add me on Facebook now.", "activity=contact relationship=former-student")]
    [InlineData("I write a personal blog about my travels. A few kids asked for the link. Can I give it to them?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // Checking one's own messenger app at school is using social media, not contacting a student.
    [InlineData("can I check facebook messenger at school? family stuff going on", "activity=personal-use site-kind=social-networking time=school-day")]
    // Working at the staff member's family's business, or the staff member being the boss: employment.
    [InlineData("One of my seniors works weekends at my family's hardware store and I'm his boss there. Can I text him about shifts?", "activity=contact relationship=employment")]
    // Keeping an eye on the school's page at the principal's request is using the site, asked by administration.
    [InlineData("Our principal asked me to keep an eye on the school's Facebook page during my prep. Can I do that on my school computer?", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking time=school-day")]
    // Where a student rides the bus says who they are, not a purpose.
    [InlineData("A couple of the kids on my bus want me to follow them back on TikTok.", "activity=contact medium=accept-request relationship=student")]
    // A group or account for a band, choir or team is a school account; one run by the staff member alone has no district administrator.
    [InlineData("I run the choir's instagram by myself. Is that ok?", "account-stage=no-district-admin activity=school-account")]
    [InlineData("I made a facebook group for my choir kids; only me running it, nobody from the district.", "account-stage=no-district-admin activity=school-account")]
    // An emergency that is over is no emergency; the exception named as a topic is none either.
    [InlineData("After the lockdown was lifted I got on facebook to see what people were saying. Is that still the emergency exception?", "activity=personal-use site-kind=social-networking")]
    // A student asking the staff member onto the student's own account is a request to accept.
    [InlineData("A student wants me on her Snapchat. Can I join?", "activity=contact medium=accept-request relationship=student")]
    // A relative in the staff member's legal care is one situation under one exception, not two parts.
    [InlineData("My grandson lives with me and I'm his legal guardian. Can I text him?", "activity=contact relationship=legal")]
    // Students' contact details posted on one's blog are confidential, not one's own number given out.
    [InlineData("can I put the team roster with kids' phone numbers on my blog so parents can set up carpools for practice", "activity=posting content=confidential")]
    // The news read on a social site is the site.
    [InlineData("can I read the news on twitter during my lunch break", "activity=personal-use site-kind=social-networking time=school-day")]
    // "Emergency" denied, or in the name of a thing, is no emergency.
    [InlineData("can I text a student for non emergency stuff like how her weekend was", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("can I check facebook during my break, I'm in the middle of an emergency room bill dispute", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    // Last year's seniors have graduated.
    [InlineData("One of last year's seniors texted asking if I'd be a job reference for her. Can I text back?", "activity=contact relationship=former-student")]
    // A student named by what one does with them is no colleague.
    [InlineData("Can I accept a friend request from a student I coach? its just for team stuff", "activity=contact medium=accept-request purpose=personal relationship=student")]
    // A relative's or foster child's friend, even without the apostrophe, is no relative.
    [InlineData("can i text my sons gf shes my student", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text my foster son's girlfriend? she's in my class", "activity=contact medium=text purpose=personal relationship=student")]
    // An emergency team or drill is no emergency; administration asking for something else is no request to use the site.
    [InlineData("I'm on the emergency response team. Can I check Facebook during my prep period?", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Administration asked me to chaperone the dance; can I scroll instagram during school hours?", "activity=personal-use site-kind=social-networking time=school-day")]
    // "Teaching" in a colleague's role is no purpose.
    [InlineData("Can I text my teaching partner and a few of my 7th graders to see if they want to go bowling with me Saturday?", "activity=contact medium=text purpose=personal relationship=student")]
    // Watching an app's videos is using it; a dinner break is a break in the working day.
    [InlineData("Can I watch TikTok on my phone during my dinner break?", "activity=personal-use site-kind=social-networking time=school-day")]
    // Errands on other sites: not social networking.
    [InlineData("Is it ok to do my online banking on my district laptop during lunch?", "activity=personal-use site-kind=other-site")]
    // A system out of service is no way of contacting, and the district putting updates on its page is no posting of one's own.
    [InlineData("The office phones and email are down and the district is putting updates on its Facebook page. Can I check it on my phone?", "activity=personal-use site-kind=social-networking")]
    // ... said of "they", or as where updates go out or come through; pulled up or kept open; a breakdown on the highway or
    // a blizzard is an emergency to check it in; parents' calls answered beside it are no contact asked about (BM022, BW022,
    // CC035: the district's page was read as a school account of one's own).
    [InlineData("blizzard came in at noon and the office phones are down, theyre posting bus leave times on the district fb page. can i check it on my phone?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Chaperoning the band trip - our bus broke down on the highway and the office said updates for parents go out on the district Facebook page. Can I pull it up on my phone so I know what they're telling people?", "access-reason=emergency-access activity=personal-use site-kind=social-networking")]
    [InlineData("Yesterday when the water main broke and we closed early, the only updates were on the district Facebook page. I had it open on the office computer all afternoon so I could answer parents calling in. Now someone says we can't use Facebook on school computers. Was I wrong?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    // What a special-education meeting holds is confidential, even told without a name.
    [InlineData("Can I post on X about an IEP meeting that went badly?", "activity=posting content=confidential")]
    // Where one once had a student is no time of the question.
    [InlineData("I loved having her in class. She just sent me a friend request on Facebook, can I accept?", "activity=contact medium=accept-request purpose=personal")]
    // One's spouse, written to, is an adult.
    [InlineData("During lunch I text my husband. Is that ok?", "activity=contact relationship=not-student")]
    // The school's own number given to students is a school channel, not a personal number.
    [InlineData("Can I put my office phone number on the syllabus for my students?", "activity=contact medium=school-platform relationship=student")]
    // Only weak anchors: a specific one (what is shared) outweighs a plain mention of a student (fresh66's anchor family;
    // CG013); the students' work and names on a photo (DG016); one's own leave is no personnel matter (DG052).
    [InlineData("School nurse here. There's a Facebook group for Montana school nurses and I wanted to ask for advice about one student's seizure plan. I'd leave her name out but mention grade and school. Ok?", "activity=posting content=confidential")]
    [InlineData("took a cute pic of our hallway bulletin board w the kids self portraits + their names. can i post on my personal insta? its a private acct", "activity=posting content=district-material site=personal-site")]
    [InlineData("When I was out on leave last spring they kept asking for videos of me reading. Can I post the read-alouds on my own channel?", "activity=posting")]
    [InlineData("A colleague was put on leave. Can I post about it on Facebook?", "activity=posting content=confidential")]
    // A report card window is gradebook work, outside the policy (DG040).
    [InlineData("How do I enter standards-based grades for my kindergartners in PowerSchool? The report card window closes Friday.", "")]
    // An email that brought something, or that someone wrote to one, is no way of contacting (BO030, C040); who wrote stays read
    // (F053).
    [InlineData("The draft budget for next year came out in a staff email. Can I share the PDF on my FB so my neighbors know what's going on?", "activity=posting site=personal-site")]
    [InlineData("Secretary here. A parent sent the office a really nasty email. Can I post a screenshot on my facebook (name blacked out) just to vent?", "activity=posting site=personal-site")]
    [InlineData("A coworker sent me a friend request, and so did my sister-in-law who has a kid at the school. I'd accept them at home tonight. anything in the policy against either one?", "activity=contact medium=accept-request purpose=personal")]
    // Writing up how a student's care plan is handled, on one's blog (AX014).
    [InlineData("I'm a school nurse and I keep a little blog about school nursing. Could I write up how we handle one of our kids' diabetes plans if I leave the name out?", "activity=posting content=confidential")]
    // Selling one's own things to a student is one's own business, its pickup with it (fresh67's DJ034 false allowed).
    [InlineData("thinking of selling my old mig welder to one of my students, can i just give him my cell so we can work out price and pickup", "activity=contact medium=phone-number purpose=personal relationship=student")]
    // A carpool to the team's game is a private arrangement, not team business (fresh68's DK047 false allowed); a student's
    // art portfolio and an item of a worksheet are school work (DK036, DK020).
    [InlineData("Can I text her and one of her teammates about carpooling to the away game Saturday?", "activity=contact medium=text purpose=personal")]
    [InlineData("A student asked for my email so she can send me photos of her art portfolio. I'd give her my school address. OK?", "activity=contact purpose=educational relationship=student")]
    [InlineData("Student left me a private comment on Google Classroom at like 10pm asking how to do #4 on the worksheet. Can I reply there or should I wait till class?", "activity=contact medium=school-platform purpose=educational relationship=student")]
    // One's own carpool of students to school is a private arrangement (sealed22's DL048 false allowed, after its scoring).
    [InlineData("I carpool my kid and the two boys next door to school every morning, they all go to my school. would it be ok to text the neighbor boys when I'm leaving so they come out?", "activity=contact medium=text purpose=personal relationship=student")]
    // A drill is no emergency (fresh70's DQ057), unless it turned out to be real (CV024); a school locked down is one (DF014).
    [InlineData("can I check facebook on my phone during a fire drill?", "activity=personal-use site-kind=social-networking")]
    [InlineData("During what we thought was a lockdown drill last week (it turned out to be real) I used my phone to check the sheriff's Facebook for updates. Did I break the rule?", "access-reason=emergency-access activity=personal-use site-kind=social-networking")]
    [InlineData("We had a lockdown drill last month, and it made me think about a real one. If we're ever actually locked down and the district is posting updates on its Facebook and X accounts, can I check them on my phone while I'm sitting with my kids in the dark? Parents will be asking and I'd like to know what's going on.", "access-reason=emergency-access activity=personal-use site-kind=social-networking")]
    // fresh71 (DR027, DR031): a Teams chat is the school's tool, not a chat for fun; detention is the school's business.
    [InlineData("i supervise after school detention can i send kids a teams chat reminding them they have detention today and also message them on canvas about what work to bring", "activity=contact medium=school-platform purpose=operations relationship=student")]
    [InlineData("can my lab groups use a teams chat with me in it to plan their projects", "activity=contact medium=school-platform purpose=educational")]
    // Joining the students' app and adding them (DR034); a personal Venmo asked for, to be paid back for a concert shirt (DR029).
    [InlineData("My students are all on BeReal and think it'd be hilarious if I joined and added them. Kind of tempted lol", "activity=contact medium=friend-request relationship=student")]
    [InlineData("A choir kid asked for my venmo so she can pay me back for her concert tshirt. I fronted the money for a few of them", "activity=contact medium=personal-accounts purpose=operations relationship=student")]
    // A parent's Gmail copied on a school email is not one's personal email (DR038).
    [InlineData("Can I email a student on my caseload from my district Outlook to her student account about missing work and cc her mom's gmail?", "activity=contact medium=school-email purpose=educational relationship=student")]
    // fresh72: a channel an administrator got the school, who administers it (DU007); a class's own group on a social site
    // (DU030); a student's health incident written up for a social group (DU029); a spouse's child (DU055); a concussion's
    // return to play (DU009).
    [InlineData("Our principal got the virtual academy a YouTube channel last spring after I asked her about it. She's the admin on it and I'm an editor. Can I livestream my Friday science labs there?", "account-stage=approved activity=school-account")]
    [InlineData("For our civics unit at the online academy I want students to write posts in a private Facebook group during our live class period, and I'd need to be on Facebook to moderate. Ok?", "activity=school-account")]
    [InlineData("I'm a school nurse and I'm in a Facebook group for nurses. I want to write up a seizure I handled last week, no names, just grade and what happened, because I think others could learn from it. Is that ok?", "activity=posting content=confidential")]
    [InlineData("Married my husband last summer and his son is a senior at the high school where I'm the school nurse. He sent me a friend request on Facebook. Can I accept?", "activity=contact relationship=close-family")]
    [InlineData("Athletic trainer here. One of our soccer players had a concussion last week and I want to text him reminders about his return-to-play steps and his follow-up appointment. Can I do that from my phone?", "activity=contact medium=text purpose=operations relationship=student")]
    // Sealed24's false allowed, mended after its scoring: a nanny job with a student's family is one's own business, its
    // pickups with it (DS013); an approval whose district administrator has retired is no district administrator (DT014); a
    // group chat on one's own WhatsApp for a club's members is a new group (DT054).
    [InlineData("Over summer I nanny for a family in town and the oldest is going into 6th at my school. Her mom says it'd be easier if I just text the kid directly about pickup times. Allowed?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("Our robotics club facebook page was approved by Mr. Hale in 2022 and he was the admin on it. He retired last June and we've just kept posting since. Are we still good?", "account-stage=no-district-admin activity=school-account")]
    [InlineData("Library book club question: can I email the members through school email about next month's book, and also add them to a group chat on my personal WhatsApp for discussion?", "account-stage=new activity=school-account")]
    // fresh73: a group chat the team's students want, set up on one's own phone, is a new group (DV027, the batch's false
    // allowed); a student on one's close-friends list is a connection (DV015); a makeup test is coursework (DV017); Canva is
    // a design site, not Canvas (DV030, DV034); unit plans put on Teachers Pay Teachers (DV035); one's own graduation and
    // one's own teaching job are not the student's (DV039); a class tool the district licenses (DV023); a link to one's
    // personal Instagram (DV031); the classroom phone's extension (DV038).
    [InlineData("I run debate. The kids want a group chat for tournament logistics and suggested Signal since that's what they use. Can I set it up on my own phone?", "account-stage=new activity=school-account")]
    [InlineData("I coached a girl in club volleyball before she came to our school and she's on my Instagram close friends list. Now she's a freshman in my PE class. Does anything have to change?", "activity=contact medium=existing-connection purpose=personal relationship=student")]
    [InlineData("Is it fine to email a student at his school Gmail to remind him about his makeup test? I'd send it from my district account.", "activity=contact medium=school-email purpose=educational relationship=student")]
    [InlineData("Is Canva ok to use at home to make worksheets? I'm not posting anything, just printing them.", "activity=personal-use site-kind=other-site")]
    [InlineData("I designed some spirit-wear shirts in Canva using our school logo. Can I sell them on my Etsy?", "activity=posting content=district-material site=personal-site")]
    [InlineData("whats the rule on putting unit plans I wrote up on Teachers Pay Teachers? I wrote most of them during planning time here", "activity=posting site=personal-site")]
    [InlineData("so I graduated from here 5 yrs ago and now I'm teaching. my old teammate's little brother is in my class and sent me a follow request on insta. ive known him since he was like 10. accept or no??", "activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("Our district already has a paid Padlet license through tech. Can I make a Padlet for my 5th graders to post book reviews during class?", "activity=contact medium=school-platform")]
    [InlineData("I set up a Flip group for my Spanish class through the district account, and I want to put a link on it to my personal Instagram where I post about my trips to Mexico so they can see real Spanish-speaking places.", "activity=contact medium=personal-accounts")]
    [InlineData("Can I give my students my classroom phone extension so they can call if they're running late off the bus?", "activity=contact medium=school-platform purpose=operations relationship=student")]
    // fresh74: a channel of one's own about teaching (EA003); a campaign page for local office (EA008); a podcast one
    // cohosts, a Substack one writes, games streamed on Twitch (EA024, EA028, EA038).
    [InlineData("Thinking of starting a teacher tips TikTok - classroom management hacks, how I set up my reading centers, that kind of thing. Is that something I can just go ahead and do?", "activity=posting site=personal-site")]
    [InlineData("I'm running for Stevensville town council this fall and set up a campaign Facebook page. Anything I need to watch out for as a district employee?", "activity=posting site=personal-site")]
    [InlineData("I cohost a true crime podcast that's getting pretty popular (top 50 in its category this month!). My principal doesn't know about it. Do I need to tell anyone or change anything?", "activity=posting site=personal-site")]
    [InlineData("I write a weekly Substack on Bitterroot Valley history, around 3,000 subscribers. I do all the writing weekends at my kitchen table. Any reason the district would care?", "activity=posting site=personal-site")]
    [InlineData("I'm a para and I stream video games on Twitch like 9pm to 1am. Pretty small but growing.", "activity=posting site=personal-site")]
    // Sealed25's false allowed, mended after its scoring: a normal day set against an emergency is one's own use (DW024).
    [InlineData("On a normal day can I check the district Facebook at lunch?", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    // Several students' school addresses (AJ030, once "unit test" was read as its purpose and the email part was lost).
    [InlineData("Can I email my whole class from my school email to their school emails about the unit test?", "activity=contact medium=school-email purpose=educational")]
    public void Posting_words_and_the_staff_members_own_business(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Theory]
    [InlineData("Can I text my nephew?", "activity=contact relationship=close-family")]
    [InlineData("Can I be Facebook friends with my own daughter, who is a student here?", "activity=contact relationship=close-family")]
    [InlineData("My grandson is in my class. Can we text?", "activity=contact relationship=close-family")]
    [InlineData("My niece is a current student at my school. Can I text her?", "activity=contact relationship=close-family")]
    [InlineData("Can I text my foster son?", "activity=contact relationship=legal")]
    [InlineData("A student babysits for me. Can I text her?", "activity=contact relationship=employment")]
    [InlineData("I hired a student to mow my lawn. Can I text him?", "activity=contact relationship=employment")]
    [InlineData("Can I text my cousin's daughter, a 9th grader?", "activity=contact relationship=distant-relative")]
    [InlineData("Can I friend a former student who graduated last year?", "activity=contact relationship=former-student")]
    [InlineData("Can I text a student's mom?", "activity=contact relationship=not-student")]
    [InlineData("Can I text a student's legal guardian?", "activity=contact relationship=not-student")]
    [InlineData("Can I text my own kids?", "activity=contact relationship=close-family")]
    [InlineData("I'm her legal guardian. Can I text her?", "activity=contact relationship=legal")]
    [InlineData("Can I text a student who moved to another district?", "activity=contact relationship=former-student")]
    [InlineData("Can I friend my colleague on Facebook?", "activity=contact relationship=not-student")]
    // In one of the staff member's classes, however the class is named (a team decision on 2026-12-05: a neighbour's son
    // in one's 4th period is a current student, as the policy says; before, who he was was asked).
    [InlineData("My neighbor's son is in my 4th period. Can he and I be Facebook friends?", "activity=contact medium=friend-request relationship=student")]
    [InlineData("is it ok to text a girl in my 2nd period chem class?", "activity=contact medium=text relationship=student")]
    [InlineData("a woman in my yoga class wants to friend me, fine?", "activity=contact medium=accept-request")]
    // A student living in the staff member's home is in their care; a former student now on the staff is a colleague.
    [InlineData("We have a 6th grader from my school living with us right now. Am I ok texting her?", "activity=contact relationship=legal")]
    [InlineData("A kid I had years ago is a para in our building now. Can I add her on fb?", "activity=contact relationship=not-student")]
    [InlineData("One of my student's moms sent me a friend request on Facebook.", "activity=contact relationship=not-student")]
    [InlineData("A mom of one of my kindergartners sent me a Facebook friend request.", "activity=contact relationship=not-student")]
    [InlineData("Can I group text the parents photos of the kids doing our pumpkin activity?", "activity=contact relationship=not-student")]
    // Guardianship or a foster licence the staff member holds; paid work done for them; a parent without the apostrophe.
    [InlineData("We got guardianship of a 5th grader from our school last month. Can I text her?", "activity=contact relationship=legal")]
    [InlineData("The foster kid we're licensed for is in my class. Can I text him?", "activity=contact relationship=legal")]
    [InlineData("One of my sophomores mows for me on weekends, paid by the hour. Can I text him about it?", "activity=contact relationship=employment")]
    [InlineData("Can I accept a friend request from one of my students dads?", "activity=contact relationship=not-student")]
    // "'s" for "is" after a relative; one's own role "too" is no other person; a student working on one's farm.
    [InlineData("My son's a junior here. We text every day, is that a problem?", "activity=contact relationship=close-family")]
    [InlineData("My niece is in 8th grade at our school and we text a lot. I work at the middle school too.", "activity=contact relationship=close-family")]
    [InlineData("One of my 9th graders works for me on our ranch in the summer. Can I text him about his hours?", "activity=contact relationship=employment")]
    // Parents written to with no word before them; teachers named as such; a school's boys, one's bus route, one's
    // team by its members.
    [InlineData("can I text parents about missing work from my cell?", "activity=contact relationship=not-student")]
    [InlineData("Can I send friend requests to the other kindergarten teachers?", "activity=contact relationship=not-student")]
    [InlineData("Can I follow the 4th grade teachers on instagram?", "activity=contact relationship=not-student")]
    [InlineData("a middle school girl on my route asked for my cell number", "activity=contact medium=phone-number relationship=student")]
    [InlineData("Can I text my swimmers the meet times?", "activity=contact medium=text relationship=student")]
    // Whose parents, with no word before "kids": the parents are the people.
    [InlineData("Can I be facebook friends with the parents of kids in my class?", "activity=contact relationship=not-student")]
    [InlineData("One of our cashiers at my summer job is a sophomore here. Can I text her about her shifts?", "activity=contact relationship=employment")]
    [InlineData("A dad from our booster club sent me a friend request; his kids go here. Ok to accept?", "activity=contact relationship=not-student")]
    // A parent named by their child in one's class, and by a circle of their own: one person, not two.
    [InlineData("Mrs. K, whose son is in my class, is also in my book club and wants to be Facebook friends. Is that a policy problem?", "activity=contact relationship=not-student")]
    [InlineData("A freshman sent me a friend request. My husband and I are his licensed foster parents. Can I accept?", "activity=contact relationship=legal")]
    // A sibling's boy is a nephew, whatever team he plays on (a team named by its sport is a student only when it is one's own).
    [InlineData("My sister's boy plays JV basketball here. Can I follow him on Instagram?", "activity=contact relationship=close-family")]
    [InlineData("Can I email the regular teacher about the class?", "activity=contact relationship=not-student")]
    [InlineData("can i give my number to the debate kids for tournament travel?", "activity=contact medium=phone-number purpose=operations relationship=student")]
    // A friend named as the child's parent is no other person.
    [InlineData("I was appointed legal guardian of my late best friend's 15 year old after she passed. He goes to the high school where I coach. Can I follow him on Instagram?", "activity=contact relationship=legal")]
    [InlineData("I work weekends at the grocery store in town and one of my seniors is a cashier there. Am I ok being in the manager's GroupMe with him?", "activity=contact relationship=coworker")]
    // Over the student at that job, or beside them: the first is employment, the second a coworker (fresh55, CK028 and CK034).
    [InlineData("Golf season question. I'm assistant manager at the country club on weekends and one of my juniors caddies there. Can I text him about his caddie shifts?", "activity=contact relationship=employment")]
    [InlineData("I'm the girls' basketball coach and I also work nights at Super 1. One of my players just got hired there as a cashier and we keep ending up on the same shifts. Can we text about swapping shifts?", "activity=contact relationship=coworker")]
    [InlineData("I work weekends at the grocery store and one of the seniors works there too. Can we text to swap shifts?", "activity=contact relationship=coworker")]
    [InlineData("Two high school boys work for us every summer on the farm. Can I text them about when to show up?", "activity=contact relationship=employment")]
    // The same shift or workplace named, with the staff member and the student "both" in the store's chat: one person, a
    // coworker (fresh56, CN031); the student working shifts for the staff member at a place they manage is employment (CN053).
    [InlineData("I work weekends at Harvest Foods and a senior from my study hall is on the same shift. I'm not her boss. The store uses a GroupMe for shift swaps - is it ok that we're both in it?", "activity=contact relationship=coworker")]
    [InlineData("one of my juniors works at the same grocery store as me. can I text her about covering a shift?", "activity=contact relationship=coworker")]
    [InlineData("Besides being a custodian I manage the pizza place on Main St. One of our juniors works shifts for me there. Can I text her about shift changes?", "activity=contact relationship=employment")]
    // What a student found out the staff member posts is how the student came to ask, not a question about posting (CN027).
    [InlineData("I work one-on-one with a junior in the resource room. She found out I post dance videos and asked if she can follow my personal TikTok. Can I let her?", "activity=contact medium=accept-request purpose=personal relationship=student")]
    // Paying a student for a job is employment, whatever else the student is.
    [InlineData("The kid next door mows our yard every week, we pay him $20 a pop. This year he is in my 9th grade algebra class. Can I keep messaging him?", "activity=contact relationship=employment")]
    // "An old student of mine" is a former student, which alone does not say they left; a graduation to come does.
    [InlineData("An old student of mine followed me on instagram. should I follow back?", "activity=contact medium=accept-request purpose=personal")]
    [InlineData("Once my seniors graduate in June can I add them on Facebook?", "activity=contact relationship=former-student")]
    [InlineData("I still have a student's number from the fall trip. Can I use it to remind him about a missing assignment?", "activity=contact purpose=educational relationship=student")]
    // A reply to a student who wrote is a message, not a post.
    [InlineData("One of my students has started DMing me on Instagram late at night about her breakup. Can I reply to her there?", "activity=contact relationship=student")]
    // The guardian of someone, a student working on one's farm, requests from parents.
    [InlineData("I'm the legal guardian of a 6th grader whose mom passed. We text every day, fine?", "activity=contact relationship=legal")]
    [InlineData("A junior works on our farm in the summers. Can I text him about chores?", "activity=contact relationship=employment")]
    [InlineData("I got friend requests from a couple of parents. ok to accept?", "activity=contact relationship=not-student")]
    // Being on Facebook with someone is a connection, not one's own use of the site.
    [InlineData("I'm on facebook with my son, he's a freshman here. ok?", "activity=contact relationship=close-family")]
    // Driving a bus says one's job, not that the contact is about school transport.
    [InlineData("I drive bus 7 and a boy on my route lives by me. can I add him on snapchat?", "activity=contact medium=friend-request relationship=student")]
    // "Both" said of the staff ("my wife and I both teach here") points at no other student.
    [InlineData("My wife and I both teach here and we're fostering a 4th grader. Can we text her?", "activity=contact relationship=legal")]
    // A parent named by the class of their child.
    [InlineData("One of my 2nd grade moms wants my cell number so she can text me. ok?", "activity=contact relationship=not-student")]
    // Makeup work is school work; playing students online is contact on an app; one's Discord asked for is a personal account.
    [InlineData("Can I call a student tonight to go over her makeup work?", "activity=contact purpose=educational relationship=student")]
    [InlineData("One of my students asked for my discord so he can watch me stream. can I give it to him?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // Hired by "we", named by age; a business named with its owner after it.
    [InlineData("We just hired a 15 yo from the high school at our bakery. Can I text her about her hours?", "activity=contact relationship=employment")]
    [InlineData("A junior in my 3rd period works at the taco truck we own. Can I text him his schedule?", "activity=contact relationship=employment")]
    // One's babysitter, "'s" for "is" or with a typo, is someone one employs; "also a sophomore in my class" is the same person.
    [InlineData("Our babysitter's a junior in my chem class. Can I text her?", "activity=contact relationship=employment")]
    [InlineData("Our babysitter is also a junior in my chem class. Can I still text her about Friday?", "activity=contact relationship=employment")]
    // "#" for a number.
    [InlineData("can I give my # to the team for meet days?", "activity=contact medium=phone-number")]
    // "Bro" and "sis" are a brother and a sister; the parents of a grade's children are parents.
    [InlineData("my little sis is a junior at the high school where I teach, can I snap her?", "activity=contact relationship=close-family")]
    [InlineData("A couple of my preschoolers' moms want to friend me on facebook. ok?", "activity=contact relationship=not-student")]
    // A team named by who is on it, followed from one's account.
    [InlineData("I want to follow all my JV players on Instagram. ok?", "activity=contact medium=friend-request relationship=student")]
    // Someone in one's homeroom is a student, a parent named after them a third party (fresh57, CQ041).
    [InlineData("A sweet girl in my homeroom asked for my Snapchat so she can send me pics of her new puppy. Her mom and I are actually friends. Just this once wouldn't hurt?", "activity=contact medium=other-app purpose=personal relationship=student")]
    // A parent named by one of one's students is the parent (fresh58, CR006); children of another district are no students
    // of this one (CR052); one who came from another district is not read as gone.
    [InlineData("a mom of one of my kinders sent me a friend request on fb. is that against the rules?", "activity=contact relationship=not-student")]
    [InlineData("I coach club soccer on weekends. The kids are from Hamilton and Corvallis, not our district. Ok to text them about games?", "activity=contact relationship=former-student")]
    [InlineData("A new girl who transferred here from another district wants my number. ok?", "activity=contact medium=phone-number")]
    // A student named among one's coworkers at a job told of first (fresh60, CV019); a follow back is accepting (CV038).
    [InlineData("I work weekends at Super 1 and one of the cashiers is a senior in my government class. Our manager put all of us in a WhatsApp group for shift swaps. Do I have to leave the group?", "activity=contact relationship=coworker")]
    [InlineData("A senior I coach in track followed me on X and I followed him back. doesn't that count as a relationship that makes it ok?", "activity=contact medium=accept-request purpose=personal relationship=student")]
    // Studying after high school is a former student (fresh61, CW033); one's classes named as whom it is for (CW023); a
    // student that one's editor made a group is not one's own new account (BQ027).
    [InlineData("a student i had 4 yrs ago is now applying to culinary school and wants to connect on linkedin", "activity=contact relationship=former-student")]
    [InlineData("i use Remind for my ceramics classes, is it fine to send kiln reminders on a saturday", "activity=contact medium=school-platform relationship=student")]
    [InlineData("Our editor, a senior, made a Snapchat group for the yearbook staff and added me so I could see deadlines. Should I stay in it?", "activity=contact medium=other-app purpose=personal relationship=student")]
    // Asked for a colleague: his own employee (fresh64, DB026, DB048), not where the writer asks for themselves; "who also"
    // is the same person's second role.
    [InlineData("Our softball coach has a senior on the team who also babysits his kids. She sent him a Facebook friend request. OK for him to accept?", "activity=contact relationship=employment")]
    [InlineData("Our ag teacher owns a ranch and is hiring a sophomore FFA kid to work for him this summer. He wants to message him on Facebook Messenger about shifts.", "activity=contact relationship=employment")]
    [InlineData("My coworker's son babysits her kids. Can I text him?", "activity=contact medium=text")]
    // Someone else's guardian is not the staff member's tie.
    [InlineData("my student's grandma is her legal guardian, can I text her?", "activity=contact relationship=not-student")]
    [InlineData("I coach softball and have a senior on the team who also babysits my kids. She sent me a Facebook friend request. OK to accept?", "activity=contact relationship=employment")]
    // Shifts at one's own business, the student told with where he is from (fresh66, DG051); parents' emails answered (DG034).
    [InlineData("My husband and I own a diner in town and a senior from the high school works shifts for us. Can I text him about his schedule?", "activity=contact relationship=employment")]
    [InlineData("can I answer parent emails from my phone?", "activity=contact relationship=not-student")]
    // A student's grown sibling in college is no student (DG042).
    [InlineData("one of my kindergartners big sister, shes 20 and in college, sent me a friend req on fb. ok to accept?", "activity=contact relationship=not-student")]
    // A student working at a business "with me" is a coworker, the student named with it the same person (fresh67, DJ035).
    [InlineData("so one of my juniors also works at the hardware store with me on saturdays we're both just cashiers and he texts me asking to swap shifts is it okay if i text back about that", "activity=contact relationship=coworker")]
    [InlineData("a sophomore works in the shop with me, can I text him about the project?", "activity=contact medium=text purpose=educational relationship=student")]
    // Businesses written to are adults, the students only denied (fresh69's DN045); a coach's team after the role said as a
    // label (DN040).
    [InlineData("Can I use my personal gmail to email the host businesses for our internship program? Not emailing students, just the employers", "activity=contact relationship=not-student")]
    [InlineData("Robotics coach - if a competition gets snowed out at 6am can I group text the team from my cell to tell them? Parents would be on it too", "activity=contact medium=text relationship=student")]
    // A likeness is no employment: a teaching assistant taking it for credit "basically works for me" (sealed23's DP044 false
    // allowed, after its one scoring).
    [InlineData("I have a senior TA 4th period (she's taking it as an elective for credit). She's super helpful and I wanted to add her on snapchat so I can thank her and just chat. Fine since she basically works for me?", "activity=contact medium=friend-request purpose=personal relationship=student")]
    // Lessons or tutoring a family pays for are the staff member's own business (sealed23's DP048 false allowed; BR020).
    [InlineData("A mom is paying me to tutor her son this summer. He's in my geometry class. Can he and I text to set up sessions?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("I tutor one of our 4th graders after school for $$, not through the district. I've been texting to set up times. Any issue?", "activity=contact medium=text purpose=personal relationship=student")]
    public void Relationships_and_exceptions(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>Exceptions make verdicts more permissive: weak cues never set them.</summary>
    [Theory]
    [InlineData("Can I text a student who is like family to me?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text a student who is like a son to me?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text my neighbour's kid, who is a student here?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text the son of a friend?", "activity=contact medium=text")]
    [InlineData("How do I foster a love of reading by texting students?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text a student I might hire?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text my students? I don't employ any of them.", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text my kids about the game?", "activity=contact medium=text relationship=student")]
    [InlineData("Should I pay students for good grades?", "activity=contact purpose=educational relationship=student")]
    [InlineData("Can I text a student whose cousin is my friend?", "activity=contact medium=text relationship=student")]
    [InlineData("There is a foster child in my class. Can I text him?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text a student in foster care?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text a student whose dad moved away?", "activity=contact medium=text relationship=student")]
    [InlineData("A student teacher was placed with me. Can she text my students?", "activity=contact medium=text relationship=student")]
    // Work done as a favour, with no pay or job named, is no employment.
    [InlineData("A student mows for me sometimes as a favor. Can I text him?", "activity=contact medium=text relationship=student")]
    public void Weak_cues_never_make_an_exception(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>Cues that would make a verdict more permissive need the unambiguous reading.</summary>
    [Theory]
    [InlineData("Can I text a student about the Fortnite game?", "activity=contact relationship=student")]
    [InlineData("Can I text a student about video games?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("Can I text my players about the game on Friday?", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("Can I text a student about his injury?", "activity=contact medium=text relationship=student")]
    // Told not to: no request of administration, whatever else is read.
    [InlineData("My principal told me not to use Facebook at school. Can I check it at lunch?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("The principal asked me to go on Facebook at lunch.", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Can I check email from students during lunch?", "activity=contact relationship=student")]
    [InlineData("Can I text a student about something related to me?", "activity=contact medium=text relationship=student")]
    [InlineData("He is distantly related to me. Can I text him?", "activity=contact relationship=distant-relative")]
    public void Permissive_values_need_clear_cues(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Theory]
    [InlineData("can i txt a student about homework", "activity=contact medium=text purpose=educational relationship=student")]
    [InlineData("Can I textt my students about practice?", "activity=contact medium=text purpose=operations relationship=student")]
    [InlineData("Can I check facebok at lunch?", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Can I scroll instagarm during my prep period?", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Can I give studnets my cell nubmer?", "activity=contact medium=phone-number relationship=student")]
    [InlineData("Can I snapchta a student about homwork?", "activity=contact medium=other-app purpose=educational relationship=student")]
    [InlineData("Is it ok to frend a student?", "activity=contact medium=friend-request relationship=student")]
    // Real words are never typos: "test" is not "text", "tip" is not "trip", "did" is not "died".
    [InlineData("Can I test my students on Friday?", "activity=contact relationship=student")]
    [InlineData("Any tip for students who did the reading?", "activity=contact relationship=student")]
    public void Typos(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Theory]
    [InlineData("Can I give students 406-555-0123 for homework questions?", "activity=contact medium=phone-number purpose=educational relationship=student")]
    [InlineData("Students can call me on (406) 777 1234 about the field trip", "activity=contact medium=phone-number purpose=operations relationship=student")]
    [InlineData("Can I email a student from jsmith@stevensville.k12.mt.us about her assignment?", "activity=contact medium=school-email purpose=educational relationship=student")]
    [InlineData("Can I email students at their stevensville.k12.mt.us addresses from j.smith@gmail.com?", "activity=contact medium=personal-email relationship=student")]
    [InlineData("Students can reach me at mrsmith@stevensville.k12.mt.us or mrsmith@yahoo.com", "activity=contact medium=personal-email relationship=student")]
    [InlineData("Can I tell my students my blog is at www.janesmith-teaches.com?", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("Can I send my students www.khanacademy.org?", "activity=contact relationship=student")]
    [InlineData("Can I check Instagram at 12:30 pm on Tuesday?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Can I scroll TikTok at 8pm?", "activity=personal-use site-kind=social-networking time=outside-school")]
    [InlineData("Is it OK to check Facebook on Saturday morning?", "activity=personal-use site-kind=social-networking time=outside-school")]
    [InlineData("Can I browse Instagram tonight?", "activity=personal-use site-kind=social-networking time=outside-school")]
    [InlineData("Can I look at Facebook at 10 am?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Can I check Facebook at 3?", "activity=personal-use site-kind=social-networking")]
    [InlineData("Can I check Facebook during the school day if the principal asked me to?", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Can I check my work email during prep?", "activity=personal-use site-kind=other-site")]
    public void Recognizers(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Theory]
    [InlineData("Can I text a student? It's not about homework.", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text a student about homework, not to chat?", "activity=contact medium=text purpose=educational relationship=student")]
    [InlineData("Can I text a student to chat, not about homework?", "activity=contact medium=text purpose=personal relationship=student")]
    [InlineData("Can I text a student? Nothing personal, it's about the homework.", "activity=contact medium=text purpose=educational relationship=student")]
    [InlineData("I don't want to friend students, but can I accept their requests?", "activity=contact medium=accept-request relationship=student")]
    [InlineData("He is not my nephew, just a student in my class. Can I text him?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I text a student who has not graduated yet?", "activity=contact medium=text relationship=student")]
    [InlineData("She is no longer a student here. Can I friend her?", "activity=contact relationship=former-student")]
    [InlineData("I never text students. Can I email them from my school account to their school account?", "activity=contact medium=school-email relationship=student")]
    [InlineData("Can't I text students about homework?", "activity=contact medium=text purpose=educational relationship=student")]
    public void Negation(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    /// <summary>Cues that disagree leave the fact open, unless the policy has a value for exactly that.</summary>
    [Theory]
    [InlineData("Can I text a student about homework and also just to chat?", "activity=contact medium=text relationship=student")]   // two purposes: two parts
    [InlineData("Practice is cancelled because of lightning. Can I text my athletes?", "activity=contact medium=text relationship=student")]
    [InlineData("Can I give my students my cell number so they can text me?", "activity=contact relationship=student")]
    // "Former" alone does not say they left the district; the current ones are students either way.
    [InlineData("Can I friend current and former students?", "activity=contact medium=friend-request relationship=student")]
    [InlineData("Can I text my students and their parents?", "activity=contact medium=text")]
    [InlineData("Can I counsel a student by text and be friends?", "activity=contact medium=text relationship=student")]
    [InlineData("Students have school email; can I email them from my personal email?", "activity=contact medium=personal-email relationship=student")]
    [InlineData("Can I text my students or DM them on Instagram?", "activity=contact relationship=student")]
    public void Conflicts(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Theory]
    [InlineData("Can I post class photos on my personal Instagram?", "activity=posting content=district-material site=personal-site")]
    [InlineData("Can I post pictures of my students on the school website?", "activity=posting content=district-material site=district-site")]
    [InlineData("Can I post student grades on my blog?", "activity=posting content=confidential")]
    [InlineData("Can I post pictures of my vacation on Facebook?", "activity=posting content=own-content")]
    [InlineData("Can I put the school logo on my Facebook?", "activity=posting content=district-material site=personal-site")]
    [InlineData("I want to start a class Instagram account.", "account-stage=new activity=school-account")]
    [InlineData("Our team's Facebook page has no district administrator.", "account-stage=no-district-admin activity=school-account")]
    [InlineData("The principal approved our class Facebook page. Can I post updates?", "account-stage=approved activity=school-account")]
    [InlineData("As a coach I use Facebook to organize team activities.", "")]
    // An account for a club or a program, however the platform is written.
    [InlineData("I'd like to start a Twitter/X account for the robotics club to post competition updates.", "account-stage=new activity=school-account")]
    [InlineData("I want to set up an official Instagram for athletics with me and the principal as admins.", "account-stage=new activity=school-account")]
    [InlineData("Can I make a Facebook page for my 3rd grade class so parents can see what we're up to?", "account-stage=new activity=school-account")]
    // A district's Gmail is school email; a foster placement is a student in one's legal care (not a student teacher's
    // placement); a payment app's handle is access to a personal account; the office phone is the school's own; the
    // parent called is the person.
    [InlineData("First week of school - I want to send a welcome email to all my 6th graders with the supply list. Sending from my district gmail to their student accounts. Good to go?", "activity=contact medium=school-email relationship=student")]
    [InlineData("we're licensed foster parents and our current placement goes to the middle school where I'm a counselor. she wants me on snap so I can see her location when she's out with friends. can I add her?", "activity=contact relationship=legal")]
    [InlineData("As a student teacher I got an Instagram follow request from a 7th grader at my placement.", "activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("can she give them her venmo?", "activity=contact medium=personal-accounts")]
    [InlineData("when a kid leaves without signing out i call their cell from the office phone to find out where they are", "activity=contact medium=school-platform relationship=student")]
    [InlineData("Can I call the parent from my cell if the office line is busy?", "activity=contact relationship=not-student")]
    // A parent named by the child's class, or before the child, is the person; a guardianship said late still holds;
    // students already among one's friends; conferences as when say no purpose.
    [InlineData("A mom from my 4th grade class sent me a friend request on FB after open house. Allowed to accept?", "activity=contact relationship=not-student")]
    [InlineData("Para here - there's a 9th grader on my Snapchat, is that against the policy? I should mention I've been his legal guardian since last spring.", "activity=contact relationship=legal")]
    // Who runs an account (students, oneself alone, administration that asked for it); a channel of one's lessons is a class
    // account; a lockout is an emergency; a letter home is school material and a student's situation confidential; a
    // team's captains and a girl who "just goes to our school" are students.
    [InlineData("I want to make a YouTube channel of my chemistry demos so kids can rewatch them at home. Do I need permission or can I just start it?", "account-stage=new activity=school-account")]
    [InlineData("IT here. The elementary principal asked me to set up a Facebook page for the school with her and the secretary as the admins. Anything I need to watch out for?", "account-stage=approved activity=school-account")]
    [InlineData("i made a fb page for our FFA chapter last yr, im the only admin & post meeting times and pics from fair. nobody from the office is on it. problem??", "account-stage=no-district-admin activity=school-account")]
    [InlineData("The softball seniors run a team Instagram. They want me, the coach, to be an admin on it. Should I?", "account-stage=no-district-admin activity=school-account")]
    [InlineData("During yesterday's lockout I checked the sheriff's Facebook on my phone for updates while we were locked in. Was I breaking the rules?", "access-reason=emergency-access activity=personal-use site-kind=social-networking")]
    [InlineData("School nurse here. Can I post a pic of the lice letter going home to 3rd grade on my Facebook so parents in town see it faster?", "activity=posting content=district-material site=personal-site")]
    [InlineData("I'm in a private Facebook group for school counselors and want to ask for advice about a student's situation. I'd change her name but say her grade and our school. OK?", "activity=posting content=confidential")]
    [InlineData("For away games can I give my number to the basketball captains in case something happens on the road?", "activity=contact medium=phone-number purpose=operations relationship=student")]
    // Congratulations on a school achievement are encouragement (personal support), not a chat; by DM still forbidden (V040).
    [InlineData("Can I DM a girl on Instagram to congratulate her on placing at state in the 400? I don't have her in class, she just goes to our school.", "activity=contact medium=other-app purpose=support relationship=student")]
    // A channel where one posts lessons for one's students is a new class account; asking whom to talk to is no contact.
    [InlineData("I'd like to make a YouTube channel where I post short math lessons for my 5th graders to watch at home. Who do I need to talk to, or can I just do it?", "account-stage=new activity=school-account")]
    // Foster parents to a student: the student is in one's legal care. A parent who asks is a third party; parents who
    // sent one requests are the people.
    [InlineData("I'm a para at one of the elementary schools and my husband and I are foster parents to a 5th grader who goes to my school. Can I text him after school about where I'm picking him up?", "activity=contact relationship=legal")]
    [InlineData("A few parents have sent me Facebook friend requests. Is it fine to accept those?", "activity=contact relationship=not-student")]
    // A health check that is the staff member's job is school business, not personal support.
    [InlineData("Athletic trainer here - I text athletes to check on their concussion symptoms after practice. ok?", "activity=contact medium=text purpose=operations relationship=student")]
    // Showing a site to a class is using it for a lesson (clauses 8, 9, 12), not posting and not one's own use.
    [InlineData("Can I pull up a NASA twitter thread on the projector during class for the eclipse lesson? it'd be on my school computer", "access-reason=teaching activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("can i show my class a tiktok about fractions", "access-reason=teaching activity=personal-use site-kind=social-networking")]
    [InlineData("can I show youtube videos in class?", "access-reason=teaching activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("can I check my instagram in class while the kids take a test?", "activity=personal-use site-kind=social-networking time=school-day")]
    // A lockdown happens in the school day.
    [InlineData("During the lockdown can I check the district's facebook page for updates?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("our FFA chapter has an insta the principal approved last year. can I post meeting times there tonight?", "activity=school-account")]
    // A blog named, then its address given to a student: sharing access to a personal site (clause 7), not posting.
    [InlineData("I have a personal blog about my garden, my family, trips etc. A student asked about it in class. can I tell him the URL?", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // What a student posts is not the staff member posting.
    [InlineData("Can I send her a friend request so I can keep tabs on what she posts?", "activity=contact medium=friend-request purpose=personal")]
    [InlineData("A student posted something on her public insta last night. Can I DM her from my own account?", "activity=contact medium=other-app")]
    // Checking an app on a break is one's own use; a post saying one is safe is one's own content.
    // Pulling up someone else's page is using the site.
    [InlineData("At recess I pulled up the police department's facebook for the road closures", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("can i check snapchat on my break?", "access-reason=individual activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("can I post to let my family know I'm ok?", "activity=posting content=own-content")]
    [InlineData("I'd post a screenshot of the BIP in a teacher Facebook group", "activity=posting content=confidential")]
    // The school's own page is understood as run by the district (confirmed before a go-ahead).
    [InlineData("I've got about 3k followers on my personal insta. Could I start a broadcast channel off it for my AP Bio kids?", "account-stage=new activity=school-account")]
    // The athletic director, "AD" for short, said to be its admin: an approved district person (understood, then confirmed).
    [InlineData("Our AD set up the official Yellowjackets basketball Instagram and he's the admin. Can I post final scores after games?", "account-stage=approved activity=school-account")]
    // A club that wants an account of its own.
    [InlineData("the chess club wants an insta for tournament news", "activity=school-account")]
    // A server or group on a messaging app made for a class or club is a class account.
    [InlineData("The art teacher wants me to set up a Discord server for her class. Can I?", "account-stage=new activity=school-account")]
    [InlineData("can I start a groupme with the robotics kids?", "account-stage=new activity=school-account")]
    // "acct" is an account; setting one up to post for one's students is a class account.
    [InlineData("can I make an insta acct for the chess club?", "account-stage=new activity=school-account")]
    [InlineData("I want to create a TikTok channel where I post science demos for my 6th graders", "account-stage=new activity=school-account")]
    // Asking in an online group is posting there; a student's health plan is confidential.
    [InlineData("I'm in a teachers facebook group and want to ask about a student's 504 plan", "activity=posting content=confidential")]
    [InlineData("Can I ask for advice in an online forum about a kid's seizure action plan?", "activity=posting content=confidential")]
    // A notice the staff member got from administration is no way of contacting anyone.
    [InlineData("We got an all-staff email from the principal about the levy. Can I post it on my facebook?", "activity=posting site=personal-site")]
    // A page named for a grade, or by a name in quotes, is a class account.
    [InlineData("my teammate made a 'Go Tigers Third Grade' instagram for our classes", "activity=school-account")]
    [InlineData("can we start a 2nd grade facebook page?", "activity=school-account")]
    // A request from a student with no purpose named is a social one; a purpose named outweighs that.
    [InlineData("A 7th grader sent me a follow request. Should I accept it?", "activity=contact medium=accept-request purpose=personal relationship=student")]
    [InlineData("A 7th grader sent me a follow request so she can ask homework questions. Should I accept it?", "activity=contact medium=accept-request purpose=educational relationship=student")]
    // What one's own blog is for is no act asked about; giving students its link is.
    [InlineData("I write a cooking blog where I post recipes. can I give my students the link?", "activity=contact medium=personal-accounts")]
    // A welfare check is an emergency; the role said first is no purpose.
    [InlineData("School counselor. A student DM'd me at midnight saying she wanted to die, I called 911 for a welfare check. Was replying ok?", "activity=contact medium=other-app purpose=emergency relationship=student")]
    // The lockdown is both when and why.
    [InlineData("During the lockdown can I check the sheriff's twitter?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("I want to start a library bookstagram for new arrivals", "account-stage=new activity=school-account")]
    // Students who do not follow one are no request.
    [InlineData("none of my students follow me on tiktok, can I post my dance videos on weekends?", "activity=posting")]
    // The school's or the district's official page is run by the district (understood, confirmed before a go-ahead).
    [InlineData("the principal wants me to put the spirit week schedule on the school's official instagram", "account-stage=approved activity=school-account")]
    // Following or liking the district's page is using the site; sharing the district's own post to one's page is posting.
    [InlineData("is it ok to follow the district's official facebook and like their posts from home?", "activity=personal-use site-kind=social-networking")]
    [InlineData("The district posted the snow day news on their facebook page. Can I share it to my page?", "activity=posting site=personal-site")]
    // A child one fosters is in one's legal care.
    [InlineData("we're fostering a 4th grader and she wants to add me on snap", "activity=contact relationship=legal")]
    // After school hours is outside school; "checks" is checking.
    [InlineData("my coworker checks instagram on her district laptop at night, way after school hours", "activity=personal-use device=district-device site-kind=social-networking time=outside-school")]
    // What the district posts is no act of one's own; checking "it" just after the site is checking the site.
    [InlineData("the district is posting early release updates on their facebook. can I check it during class?", "activity=personal-use site-kind=social-networking time=school-day")]
    // What is for lunch is the menu, not when.
    [InlineData("parents in the town fb group keep asking what's for lunch at school, can I post the menu there?", "activity=posting")]
    [InlineData("can I post pics from the field trip on our class dojo story?", "activity=school-account")]
    // A private group made for one's class, team or their parents is a class account, not one's own page.
    [InlineData("can I make a private facebook group for my 3rd grade parents?", "account-stage=new activity=school-account")]
    [InlineData("I'd love to start an instagram for our counseling office", "account-stage=new activity=school-account")]
    // Grown former students, one who walked at graduation, and one's years of teaching (no purpose).
    [InlineData("Kids I had my first years teaching are in their late 20s now and adding me on fb. ok?", "activity=contact relationship=former-student")]
    [InlineData("a senior of mine walked at graduation friday and sent me a follow request", "activity=contact relationship=former-student")]
    // A colleague's age says nothing of the student.
    [InlineData("A colleague in his 30s is texting a 17-year-old. Is that allowed?", "activity=contact medium=text relationship=student")]
    // Following each other for years is an existing connection; a homeroom a student is from is no time.
    [InlineData("my goddaughter is a junior here and we've been following each other on insta for years", "activity=contact medium=existing-connection relationship=student")]
    [InlineData("a kid from my 7th grade homeroom added me on snap, can I add him back?", "activity=contact medium=accept-request purpose=personal relationship=student")]
    // Someone the staff member hired is employment.
    [InlineData("can I text a sophomore girl I hired for my bakery about her shifts?", "activity=contact relationship=employment")]
    // What an outside agency is posting is no act of one's own; a wildfire is an emergency.
    [InlineData("there's a wildfire by my house and the sheriff is posting updates on facebook, can I check it at lunch?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    // A boosters page is a class or school account.
    [InlineData("the principal made me the staff admin of the band boosters facebook page", "activity=school-account")]
    // A parent of a student, without the apostrophe, is not the student.
    [InlineData("a students mom sent me a friend request on FB, can I accept", "activity=contact relationship=not-student")]
    [InlineData("We want to start a TikTok for the chess club, do I need permission?", "account-stage=new activity=school-account")]
    [InlineData("The athletic director set up an Instagram for the swim team and added me as an admin. Can I post meet results?", "activity=school-account")]
    [InlineData("I made a shared photo album of my vacation; can I send my students the link?", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("During the storm warning I pulled up the county and school Facebook pages on my phone to see if we were closing.", "activity=personal-use site-kind=social-networking")]
    [InlineData("The assistant principal asked me to keep an eye on a gossip Instagram account some kids started.", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking")]
    [InlineData("Can I post the team photo on my own Instagram with a congrats message?", "activity=posting site=personal-site")]
    [InlineData("In Infinite Campus how do I change the category weights?", "")]
    [InlineData("My director asked me to keep an eye on the district's Facebook page during the day.", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Could I livestream our home basketball games on YouTube from my phone?", "activity=posting")]
    [InlineData("I want to make an X (twitter) account for my AP Gov class.", "activity=school-account")]
    [InlineData("I'd like to run an Instagram reading challenge for incoming 6th graders.", "activity=school-account")]
    // (Setting it up oneself is a new account, since fresh73's DV027: "Can I set it up on my own phone?")
    [InlineData("The kids want to put their videos on a YouTube channel. Can I set that up for them?", "account-stage=new activity=school-account")]
    // The lunch menu is what is posted, not when.
    [InlineData("Can I post the lunch menu on my personal Facebook?", "activity=posting site=personal-site")]
    // People on one's route are who, not when; readers finding a post are not the staff member using the site.
    [InlineData("Parents on my route keep asking where the stops are. Can I post the route map on my Facebook so they can find it?", "activity=posting site=personal-site")]
    [InlineData("She takes her district Chromebook home and watches Netflix on it.", "activity=personal-use site-kind=other-site")]
    // An email the superintendent sent is something received, not the staff member's contact.
    [InlineData("The superintendent sent all staff an email today about the budget cuts. Can I post a screenshot of it on my X account?", "activity=posting site=personal-site")]
    // What an agency posts on "their" page is theirs; pulling it up is reading the site.
    [InlineData("The county posts road closures and evacuation updates on their Facebook page. Can I pull that up on my phone at the bus barn before my afternoon run?", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("During the lockdown I was reading the Stevensville community Facebook group on my phone to figure out what was going on.", "access-reason=emergency-access activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("Our library already has an Instagram account. Can I post photos of new book displays?", "activity=school-account")]
    [InlineData("I'm the FFA advisor and the kids want us to start a TikTok to post highlights from the fair.", "account-stage=new activity=school-account")]
    [InlineData("Our AD made a GroupMe for varsity volleyball. Can I post the new practice time in there?", "activity=school-account")]
    // A special lunch is what was served, not when.
    [InlineData("We did a fun Halloween lunch today. Can I put a pic on my personal Instagram?", "activity=posting site=personal-site")]
    [InlineData("I'm putting together a personal portfolio website. I'd like to include the network diagrams I designed for the district.", "activity=posting")]
    // An act told of the thing it was done to ("was set up") is backstory, not a second part.
    [InlineData("As principal, may I assign our office secretary to update the school's Facebook page during school hours? The page was set up through the district office.", "account-stage=approved activity=school-account")]
    [InlineData("I'd like to start an Instagram for my high school art classes to show off student work.", "account-stage=new activity=school-account")]
    [InlineData("Can I make a TikTok where I post short math lesson videos for the kids to rewatch at home?", "account-stage=new activity=school-account")]
    // The principal as co-administrator approves it; the show's call times are no phone call; creating "the group" is that group.
    [InlineData("Our principal agreed to be co-admin on a private Facebook group for cast and crew so I can post rehearsal schedules and call times. I'd create the group.", "account-stage=approved activity=school-account")]
    [InlineData("On the snow day I shared the superintendent's closure letter into our town's community Facebook group from my own account.", "activity=posting site=personal-site")]
    [InlineData("hs spanish - can my students follow the class ig the principal set up? she's admin on it", "account-stage=approved activity=school-account")]
    [InlineData("Our band boosters want a Facebook page to post concert dates and pics, and they want me to run it. Can I just set it up?", "activity=school-account")]
    [InlineData("the principal asked me to figure out why fb is loading on the library computers. can i log in and test it during the day?", "access-reason=asked-by-administration activity=personal-use site-kind=social-networking time=school-day")]
    // Pictures of one's own children are not pictures of students: one's own life (to be confirmed, as own-content is).
    [InlineData("can i post pics of my own kids bday party on fb from home on saturday?", "activity=posting content=own-content")]
    [InlineData("If I post pictures of my own kid's city league game on my Facebook, does the district care?", "activity=posting content=own-content")]
    // What students, one's family or a place post is the story, not an act of the staff member's own.
    [InlineData("A few of the kids I coach post workout videos on TikTok. Can I follow them?", "activity=contact medium=friend-request")]
    [InlineData("My brother posts photos of the family reunion in a private Facebook group. Can I check it on my phone at lunch?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("The fire department posts alerts on their Facebook page. During class I pulled it up on my phone to see which roads were closed.", "activity=personal-use site-kind=social-networking time=school-day")]
    // Writing up what happened for a group one is in is posting there (not a class page: a word's apostrophe is no quote).
    [InlineData("I'm in a nurses' Facebook group and I wanted to write up what happened as a learning thing. Is that okay?", "activity=posting")]
    // A channel started for one's students to use is the educational presence clause 6 sends to administration.
    [InlineData("Next year I want to start a YouTube channel where I post videos of the problems so kids can rewatch them at home.", "account-stage=new activity=school-account")]
    [InlineData("I think a class server would be great, with a help channel where they can post code.", "activity=school-account")]
    // An account for a school by name, or an office's own; not a group for a kind of school staff.
    [InlineData("As assistant principal, I would like to start an X (Twitter) account for Stevensville Middle School to post announcements.", "account-stage=new activity=school-account")]
    [InlineData("I'm in a private Facebook group for school psychs. Can I ask about a puzzling case there?", "activity=posting")]
    [InlineData("I'd also like to start a counseling office Instagram to post scholarship deadlines.", "activity=school-account")]
    // An agency's page pulled up a sentence or two after it was named.
    [InlineData("The sheriff is posting evacuation updates on Facebook. I'm on recess duty. Can I pull up their page on my phone?", "activity=personal-use site-kind=social-networking time=school-day")]
    // A group made on a messaging app for one's students or their parents, "a separate" one too, is an account to approve.
    [InlineData("I want to make a whatsapp group for band parents and a separate groupme for the band kids for trip logistics. good to go?", "account-stage=new activity=school-account")]
    // What one reads is not where one posts: "just my personal feed".
    [InlineData("I scroll Instagram at home after 8pm on my own phone. Just my personal feed, I don't follow any students. Fine?", "activity=personal-use device=personal-device site-kind=social-networking time=outside-school")]
    // An account "me and the other advisor set up" exists: whether it is approved is asked, not taken for a new one.
    [InlineData("Me and the other GSA advisor set up a Discord server for the club. It's only for meeting announcements. Is that allowed?", "account-use=school-news activity=school-account")]
    // Others' posts are not the staff member's posting: a group others post in, students' posts one would watch.
    [InlineData("There's a fire up near Bass Creek and parents are posting road closures in the community FB group. Can I check it on my phone during class to know if buses can get out?", "activity=personal-use site-kind=social-networking time=school-day")]
    [InlineData("As a school counselor, could I follow some students' public Instagrams to keep an eye out for self-harm posts?", "activity=contact relationship=student")]
    // Commenting in that group is posting.
    [InlineData("A kid got suspended today for having a vape and his parents are posting lies about it in the town Facebook group. Can I comment and set the record straight?", "activity=posting content=confidential")]
    // On the team bus is working time.
    [InlineData("can I check insta on the team bus? long ride", "activity=personal-use site-kind=social-networking time=school-day")]
    // "I'm on Instagram" is using it.
    [InlineData("is it a problem if I'm on instagram at home at night?", "activity=personal-use site-kind=social-networking time=outside-school")]
    // Pictures near "my own kids" are the staff member's family's, not the class's.
    [InlineData("On weekends I post pics and stuff about my own kids on my Instagram. Nothing about school. ok?", "activity=posting content=own-content")]
    // Home from work is one's own time; a class period named by its number is the school day ("in my 6th period" says who).
    [InlineData("Is it ok to check Facebook on my phone after I get home from work?", "activity=personal-use site-kind=social-networking time=outside-school")]
    [InlineData("Can I check Twitter during 6th period?", "activity=personal-use site-kind=social-networking time=school-day")]
    // A district person who is an admin on it makes the account approved; one run for a group of students is a school account.
    [InlineData("The district set up a Twitter for our library and the tech director is an admin on it.", "account-stage=approved activity=school-account")]
    [InlineData("I want to run a college-app Instagram for our seniors.", "account-stage=new activity=school-account")]
    // Class lists are lists of students, on an approved page too (fresh57, CQ023's false allowed).
    [InlineData("The principal set up our school's Facebook page and made me an admin. Can I post the picture day schedule there, and next year's class lists so parents know who's with which teacher?", "account-stage=approved account-use=confidential activity=school-account")]
    // Said approved after its name (fresh61, CW038; BK010); a group teachers started (fresh62, CZ034); a link to one's own
    // account put on the syllabus (CW039); pinning on Pinterest, a data wall (CZ030).
    [InlineData("The boys basketball page is already approved by the AD and I'm listed as admin, can I post the game schedule there", "account-stage=approved account-use=school-news activity=school-account")]
    [InlineData("A couple of us 5th grade teachers started a Facebook group for families to share newsletters and the lunch menu. Nobody from the district runs it.", "account-stage=no-district-admin activity=school-account")]
    [InlineData("can i put my art insta link on my syllabus so students see my work", "activity=contact medium=personal-accounts relationship=student")]
    [InlineData("Could I pin a photo of my data wall on my Pinterest? It has the kids' names and reading levels.", "activity=posting content=confidential")]
    // An account for one's classrooms (DG007); the principal making one an admin of the official page (DG056).
    [InlineData("Our kindergarten team wants to start an Instagram for our classrooms so families can see what the kids are doing.", "account-stage=new activity=school-account")]
    [InlineData("She made me an admin on the elementary's official Facebook page. Can I post field day photos?", "account-stage=approved activity=school-account")]
    // Students wanting the name of the channel one streams on (fresh67, DJ033).
    [InlineData("i stream stardew and some horror games on twitch a few nights a week, mostly chatting about life. the book club kids found out and want the channel name. can i tell them? seems harmless", "activity=contact medium=personal-accounts relationship=student")]
    // Telling students one's Twitch (sealed21's DH018, after its one scoring).
    [InlineData("can i tell my esports kids my twitch so they can watch me stream", "activity=contact medium=personal-accounts purpose=personal relationship=student")]
    // A department's channel talked over, a show started with one's students (clause 12's educational presence: fresh69's
    // DN010, DN034); a school paper's approved account (DN020); a post said to leave out the school and its students (DN047).
    [InlineData("Our CTE department is kicking around a YouTube channel to show off student welding and culinary projects to 8th graders choosing classes. Can we just go ahead and start it?", "activity=school-account")]
    [InlineData("thinking of starting a debate podcast w my varsity kids. record in my room after school, post it on spotify and youtube", "activity=school-account")]
    [InlineData("Our school paper already has an Instagram the principal approved last year and she's one of the admins. Can my editors post photos from home games there, and what about links to our stories?", "account-stage=approved activity=school-account")]
    [InlineData("I'm in a facebook group for high school drama teachers. Can I post asking for ideas on staging a stage fight? wouldnt mention the school or any kids. doing it from home on my laptop", "activity=posting content=own-content")]
    public void Posting_and_accounts(string utterance, string facts) => Assert.Equal(facts, Read(utterance));

    [Fact]
    public void Evidence_names_the_phrase_and_the_typo()
    {
        var reading = Stevensville.Reader.Read("Can I textt my students about homework?");
        Assert.Equal("textt", reading.PhraseFor("medium"));
        var cue = Assert.Single(reading.Evidence["medium"]);
        Assert.Equal(CueSource.Typo, cue.Source);
        Assert.Contains("textt → text", cue.Origin);
        Assert.Equal("homework", reading.PhraseFor("purpose"));
        Assert.Equal("my students", reading.PhraseFor("relationship"));
        Assert.Contains("medium=text", reading.Explain());
    }

    [Fact]
    public void Negated_and_irrelevant_cues_are_kept_for_diagnosis()
    {
        var reading = Stevensville.Reader.Read("Can I text my nephew? It's not about homework.");
        Assert.Equal("activity=contact relationship=close-family", Stevensville.Text(reading.Facts));
        Assert.Contains(reading.SetAside, a => a.Cue.FactId == "purpose" && a.Reason == SetAsideReason.Negated);
        Assert.Contains(reading.SetAside, a => a.Cue.FactId == "medium" && a.Reason == SetAsideReason.Irrelevant);
    }

    [Fact]
    public void Recognized_cues_say_which_recognizer()
    {
        var reading = Stevensville.Reader.Read("Can I give students 406-555-0123?");
        var cue = Assert.Single(reading.Evidence["medium"]);
        Assert.Equal(CueSource.PhoneNumber, cue.Source);
        Assert.Equal("406-555-0123", cue.Text);
    }

    /// <summary>
    /// "Today" is the district's: on a server running on UTC, Friday 7 pm in Montana is already Saturday, and the question
    /// asked then about "10am today" is about a school day.
    /// </summary>
    [Fact]
    public void Today_is_the_districts_day_not_the_servers()
    {
        var fridayEveningInMontana = new FixedClock(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero));
        var denver = TimeZoneInfo.FindSystemTimeZoneById("America/Denver");
        const string question = "Can I check Facebook at 10am today?";
        var inDistrict = new SituationReader(Stevensville.Policy, new SituationReaderOptions { Clock = fridayEveningInMontana, TimeZone = denver });
        var onUtc = new SituationReader(Stevensville.Policy, new SituationReaderOptions { Clock = fridayEveningInMontana, TimeZone = TimeZoneInfo.Utc });
        Assert.Equal("school-day", inDistrict.Read(question).Facts.GetValueOrDefault("time"));
        Assert.Equal("outside-school", onUtc.Read(question).Facts.GetValueOrDefault("time"));
    }

    [Fact]
    public void Without_school_domains_every_address_is_personal()
    {
        var reader = new SituationReader(Stevensville.Policy);
        Assert.Equal("activity=contact medium=personal-email relationship=student",
            Stevensville.Text(reader.Read("Can I email a student from jsmith@stevensville.k12.mt.us?").Facts));
    }

    [Fact]
    public void Subdomains_of_a_school_domain_are_school_email()
    {
        Assert.Equal("activity=contact medium=school-email relationship=student",
            Read("Can I email a student at kid@students.stevensville.k12.mt.us?"));
    }

    [Fact]
    public void The_school_day_comes_from_the_options()
    {
        var reader = new SituationReader(Stevensville.Policy, new SituationReaderOptions { SchoolDayStart = new(8, 0), SchoolDayEnd = new(15, 0) });
        Assert.Equal("activity=personal-use site-kind=social-networking time=outside-school",
            Stevensville.Text(reader.Read("Can I check Facebook at 3:30 pm?").Facts));
        Assert.Equal("activity=personal-use site-kind=social-networking time=school-day",
            Read("Can I check Facebook at 3:30 pm?"));
    }

    [Fact]
    public void A_lexicon_for_another_policy_is_refused()
    {
        var yaml = Yaml().Replace("policy: stevensville-electronic-resources", "policy: other-district");
        var e = Assert.Throws<LexiconLoadException>(() => Lexicon.Load("other.lexicon.yaml", yaml, Stevensville.Policy));
        Assert.Contains("other.lexicon.yaml, line", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Hello!")]
    [InlineData("What does the policy say?")]
    [InlineData("Can I sell my daughter's Girl Scout cookies in the staff lounge?")]
    // Grading is not posting grades.
    [InlineData("is there a rule on rounding grades, like 89.5 -> A?")]
    // A report card mark in the gradebook; a parent's email told as background (CX028, CE026).
    [InlineData("How do I change a standards-based report card mark in PowerSchool after the grading window closed?")]
    [InlineData("Is the new PowerSchool gradebook supposed to round an 89.5 up to an A-? Mine is showing B+ and a parent already emailed me.")]
    // Category weights named before the system (fresh71's DR012).
    [InlineData("How do I change category weights in PowerSchool? My tests are counting 100% for some reason.")]
    // A 4-H page the county extension office set up names no school phone (sealed24's DS035 typed line).
    [InlineData("the club's page, the extension office set it up")]
    // An attendance code changed in the student information system; a school "site" that is a place (fresh72's DU016, DU058).
    [InlineData("Attendance clerk here. How do I change a tardy to an excused absence in the student information system after the period is locked?")]
    [InlineData("Are we allowed to wear jeans on Fridays at the summer school site or is it the same dress code as during the year?")]
    public void Text_without_cues_settles_nothing(string utterance) => Assert.Equal("", Read(utterance));

    [Fact]
    public void Every_reading_is_valid_input_for_the_evaluator()
    {
        foreach (var row in PolicyBot.Rules.Tests.StaffQuestions.Rows())
        {
            var evaluation = Stevensville.Evaluator.Evaluate(Stevensville.Reader.Read(row.Question).Facts);
            Assert.False(evaluation.IsUndecided);
        }
    }

    /// <summary>One reader serves every turn: reads in parallel give the same facts as one at a time.</summary>
    [Fact]
    public void Reads_are_thread_safe()
    {
        var questions = PolicyBot.Rules.Tests.StaffQuestions.Rows().Select(r => r.Question).ToList();
        var sequential = questions.Select(q => Stevensville.Text(Stevensville.Reader.Read(q).Facts)).ToList();
        var parallel = new string[questions.Count * 4];
        Parallel.For(0, parallel.Length, i => parallel[i] = Stevensville.Text(Stevensville.Reader.Read(questions[i % questions.Count]).Facts));
        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % questions.Count], parallel[i]);
        }
    }

    private static string Yaml()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("PolicyBot.Understanding.Lexicons.stevensville.lexicon.yaml")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
