using PolicyBot.Rules.Evaluation;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The lexicon's answer words (<c>answers:</c>): words that settle a fact only when they answer that fact's own
/// question. Read as understood, never as picked; negated or contradicted, they answer nothing; and they never leak into
/// another question or into the reading of a message. Sentences written for this test.
/// </summary>
public class AnswerWordsTests
{
    private static Question Asking(string factId)
    {
        var fact = Stevensville.Policy.FindFact(factId)!;
        return new Question(fact, fact.Values);
    }

    [Theory]
    [InlineData("account-use", "deadlines, scholarship info, FAFSA tips", "school-news")]
    [InlineData("purpose", "she just wants to follow my runs, not team business", "personal")]
    [InlineData("purpose", "to tell him when the lawn needs mowing", "personal")]
    [InlineData("purpose", "just to say hope you feel better", "support")]
    [InlineData("relationship", "the class I'm subbing for", "student")]
    // A student between two school years; a person said to involve no student; a job the district advertises (sealed20,
    // DE054, DE052, DE047).
    [InlineData("relationship", "Grace, rising senior, I had her in AP Lang", "student")]
    [InlineData("relationship", "a friend from church, no students involved", "not-student")]
    [InlineData("content", "the district's posting for a special ed para", "district-material")]
    [InlineData("account-stage", "approved, our principal is an admin on it", "approved")]
    [InlineData("account-stage", "it's official, run by the district office", "approved")]
    [InlineData("account-stage", "brand new, nothing set up", "new")]
    [InlineData("site", "Google Classroom", "district-site")]
    [InlineData("site", "our ClassDojo", "district-site")]
    [InlineData("account-use", "the parade route and the homecoming flyer", "school-news")]
    [InlineData("content", "directions to the gym, and photos of the fire drill", "district-material")]
    [InlineData("purpose", "covering shifts at my weekend job", "personal")]
    [InlineData("purpose", "the pickup time for our camping trip", "personal")]
    [InlineData("purpose", "letting them know where and when we're starting", "operations")]
    [InlineData("purpose", "plan events for the club", "operations")]
    [InlineData("relationship", "some of the other teachers in my hall", "not-student")]
    [InlineData("content", "a picture of my nurse's office visit log", "confidential")]
    [InlineData("site", "an etsy listing", "personal-site")]
    [InlineData("content", "a screenshot of the averages from my gradebook", "confidential")]
    [InlineData("access-reason", "updates about my dad, he's in hospice", "individual")]
    [InlineData("site-kind", "playing lichess with the chess club", "other-site")]
    [InlineData("purpose", "show families the science fair", "operations")]
    [InlineData("purpose", "tell him when to come in for work", "personal")]
    [InlineData("relationship", "the varsity soccer team", "student")]
    [InlineData("relationship", "a girl from my neighborhood who attends our high school", "student")]
    [InlineData("purpose", "so he can talk to me whenever he needs", "support")]
    [InlineData("content", "how many cases of lice, and in which class", "confidential")]
    [InlineData("account-use", "the weekly menu", "school-news")]
    [InlineData("purpose", "the off-season conditioning schedule", "operations")]
    [InlineData("relationship", "a sophomore who works under me at my summer job", "employment")]
    [InlineData("access-reason", "looking for a new job on LinkedIn", "individual")]
    [InlineData("access-reason", "keeping up on edtech ideas", "individual")]
    [InlineData("purpose", "about her first communion and confirmation", "personal")]
    [InlineData("relationship", "an 18-year-old enrolled in our district's adult transition program", "student")]
    [InlineData("relationship", "a girl who graduated and is no longer enrolled in the district", "former-student")]
    [InlineData("account-stage", "only me, no one from the district", "no-district-admin")]
    [InlineData("account-stage", "two parents and I are the admins", "no-district-admin")]
    [InlineData("purpose", "family stuff, mostly", "personal")]
    [InlineData("purpose", "she's been having a hard time since her dad left", "support")]
    [InlineData("purpose", "pickup times after the away meet", "operations")]
    [InlineData("purpose", "reminding her about the test on Friday", "educational")]
    [InlineData("relationship", "his mom", "not-student")]
    [InlineData("content", "pictures of my dogs and my weekend hikes", "own-content")]
    [InlineData("account-use", "following the kids' personal accounts from it", "connect-students")]
    [InlineData("account-use", "game times and bus reminders", "school-news")]
    [InlineData("account-use", "just to chat with them, personal stuff", "personal-contact")]
    [InlineData("account-use", "the quiz grades with every student's name", "confidential")]
    [InlineData("account-stage", "we haven't started it, so no district administrator yet", "new")]
    [InlineData("account-stage", "it's just by me, no district person as an administrator", "no-district-admin")]
    [InlineData("purpose", "to see if he wants a summer job mowing", "personal")]
    [InlineData("relationship", "my godson, no relation", "student")]
    // "Also in my class" says more of the same person, not that there are others.
    [InlineData("relationship", "a foster child placed with us, also in my class", "legal")]
    // A relative in the staff member's legal care: one person, one exception.
    [InlineData("relationship", "my grandson, and I'm his legal guardian", "legal")]
    [InlineData("relationship", "my student teacher from the university", "not-student")]
    [InlineData("relationship", "just me, nobody else gets them", "not-student")]
    // Running the school's account because administration asked is its news; grades beside news are still grades.
    [InlineData("account-use", "the principal asked me to run it", "school-news")]
    [InlineData("account-use", "I'm the principal and I'm asking them to", "school-news")]
    [InlineData("account-use", "the principal asked me to post the grades", "confidential")]
    // Denied together: "nothing set up or approved" approves nothing.
    [InlineData("account-stage", "new, nothing set up or approved, no district admin named", "new")]
    [InlineData("access-reason", "curious what parents were saying", "individual")]
    [InlineData("relationship", "a boy in my 2nd period class, not related to me", "student")]
    [InlineData("purpose", "church and personal, nothing school related", "personal")]
    [InlineData("purpose", "so she can text me to talk about whatever, not schoolwork", "personal")]
    [InlineData("purpose", "no school reason", "personal")]
    [InlineData("account-stage", "doesn't exist yet, not approved, no admins yet", "new")]
    [InlineData("relationship", "a senior in my class who works for me at my family's hardware store", "employment")]
    [InlineData("access-reason", "my dad is in the hospital and my family is posting updates there", "emergency-access")]
    [InlineData("purpose", "she says she misses my class", "personal")]
    [InlineData("purpose", "explaining homework and where to catch the field trip bus", "educational")]
    [InlineData("activity", "a friend request", "contact")]
    [InlineData("site", "the header of my personal teaching blog", "personal-site")]
    [InlineData("site", "my LinkedIn profile", "personal-site")]
    [InlineData("relationship", "my physics classes", "student")]
    [InlineData("purpose", "to see their sports posts", "personal")]
    [InlineData("purpose", "they know me through my son", "personal")]
    [InlineData("account-use", "part of my job, the principal's request", "school-news")]
    [InlineData("content", "FFA meeting times", "district-material")]
    [InlineData("account-use", "FFA meeting times", "school-news")]
    [InlineData("purpose", "in case he's locked out at home after school", "personal")]
    [InlineData("content", "my own son on his first day of kindergarten, in front of our house", "own-content")]
    [InlineData("relationship", "a foster child placed in my home, 6th grader at my school", "legal")]
    [InlineData("access-reason", "because the principal asked me while she's away", "asked-by-administration")]
    [InlineData("access-reason", "part of my job, the principal's request", "asked-by-administration")]
    [InlineData("relationship", "the mother of a kindergartner in my class; the child isn't involved", "not-student")]
    // The lexicon's answer words, when no phrase settles it: one best choice (a tie, or an exception's value without
    // answer words, gives none).
    [InlineData("purpose", "lab feedback", "educational")]
    [InlineData("purpose", "overdue library books", "educational")]
    [InlineData("purpose", "she left her inhaler in the office", "operations")]
    [InlineData("purpose", "to play games together after school", "personal")]
    [InlineData("content", "my vegetable garden and canning", "own-content")]
    [InlineData("content", "my personal dance videos with my husband", "own-content")]
    [InlineData("content", "a description of a 2nd grader's behavior incident at our school", "confidential")]
    // "Both" of two administrators is no second person; "not approved by administration" is no approval.
    [InlineData("account-stage", "approved by the principal, she and I are both admins", "approved")]
    [InlineData("account-stage", "run by parents; not approved by administration and no approved district administrator", "no-district-admin")]
    // An app or site by name; a device by its make or where it stands; a time by what goes on then; who runs the account.
    [InlineData("site-kind", "pinterest mostly", "social-networking")]
    [InlineData("site-kind", "my bank and the weather", "other-site")]
    [InlineData("device", "my samsung tablet", "personal-device")]
    [InlineData("device", "the desktop in the staff lounge", "district-device")]
    [InlineData("time", "during 3rd period while they read", "school-day")]
    [InlineData("time", "after 10 pm", "outside-school")]
    [InlineData("time", "over christmas break", "outside-school")]
    [InlineData("access-reason", "wildfire evacuation updates", "emergency-access")]
    [InlineData("access-reason", "eclipse lesson", "teaching")]
    [InlineData("access-reason", "to get reunification info for my class", "emergency-access")]
    [InlineData("medium", "phone call", "phone-number")]
    [InlineData("relationship", "a 9th grader I'm the legal guardian of", "legal")]
    [InlineData("relationship", "my varsity basketball captains", "student")]
    [InlineData("content", "the letter going home to 3rd grade families", "district-material")]
    [InlineData("content", "her situation, with her grade and our school, name changed", "confidential")]
    [InlineData("account-stage", "no district person approved as admin", "no-district-admin")]
    [InlineData("purpose", "build rapport", "personal")]
    [InlineData("purpose", "to congratulate her", "personal")]
    [InlineData("purpose", "telling him where I'll pick him up", "operations")]
    [InlineData("purpose", "so they can reach me during the dance setup", "operations")]
    [InlineData("activity", "private comments on student work", "contact")]
    [InlineData("account-stage", "my personal whatsapp", "no-district-admin")]
    [InlineData("access-reason", "lab demos, instruction", "teaching")]
    [InlineData("access-reason", "my athletic director asked me to watch the comments", "asked-by-administration")]
    [InlineData("account-stage", "the technology coordinator manages it, principal ok'd it", "approved")]
    [InlineData("account-stage", "the pto parents run it", "no-district-admin")]
    [InlineData("account-stage", "nope, thinking about starting one", "new")]
    [InlineData("medium", "not sure yet, what can i use", "undecided")]
    [InlineData("medium", "calling her from my cell", "phone-number")]
    [InlineData("medium", "discord dms", "other-app")]
    [InlineData("relationship", "my older sister, a senior", "close-family")]
    [InlineData("relationship", "she moved out of state and goes to school there now", "former-student")]
    [InlineData("content", "videos of my horses", "own-content")]
    [InlineData("content", "the cafeteria menu", "district-material")]
    [InlineData("site", "my personal tumblr", "personal-site")]
    [InlineData("site", "the school's webpage", "district-site")]
    [InlineData("purpose", "she got hurt at the game and I need to reach her", "emergency")]
    [InlineData("purpose", "spelling and vocab", "educational")]
    [InlineData("purpose", "carpooling to the game as his dad's friend", "personal")]
    [InlineData("account-use", "the cast list with everyone's full names", "confidential")]
    [InlineData("purpose", "the club meeting date moved", "operations")]
    [InlineData("purpose", "she wants to see my cat videos, nothing for school", "personal")]
    [InlineData("purpose", "for my photography portfolio", "personal")]
    [InlineData("access-reason", "swapping shifts at my weekend job", "individual")]
    // A tie between teaching and school business, which every rule treats alike: the first of them.
    [InlineData("purpose", "curriculum night logistics", "educational")]
    [InlineData("device", "my laptop at home", "personal-device")]
    [InlineData("device", "my school laptop", "district-device")]
    [InlineData("activity", "a page for the school library", "school-account")]
    [InlineData("relationship", "my high school wrestling team", "student")]
    [InlineData("relationship", "me, the drama advisor, and my high school cast", "student")]
    [InlineData("purpose", "start times and which building", "operations")]
    [InlineData("purpose", "talk about a TV show", "personal")]
    [InlineData("purpose", "our families are close", "personal")]
    [InlineData("content", "home games", "district-material")]
    [InlineData("purpose", "to tell him call time moved to 5:30", "operations")]
    [InlineData("purpose", "so she can tell me when he'll miss speech", "educational")]
    [InlineData("purpose", "so parents know where the stops are", "operations")]
    [InlineData("site", "my own portfolio website", "personal-site")]
    [InlineData("account-stage", "the athletic director created it and runs it", "approved")]
    [InlineData("purpose", "I think they'd enjoy it", "personal")]
    [InlineData("purpose", "so I know who isn't riding", "operations")]
    [InlineData("content", "his name and that he has a concussion", "confidential")]
    [InlineData("content", "the district's letter to families about the incident", "district-material")]
    [InlineData("purpose", "so I know not to wait at their stop", "operations")]
    [InlineData("purpose", "shift swaps at my weekend job", "personal")]
    [InlineData("purpose", "so she can tell me if my dog gets loose", "personal")]
    [InlineData("purpose", "she misses appointments and ignores school email", "operations")]
    [InlineData("content", "the story of the reaction, no name", "confidential")]
    [InlineData("site-kind", "Xbox Live", "social-networking")]
    [InlineData("account-use", "yearbook ordering questions", "school-news")]
    [InlineData("access-reason", "flag inappropriate comments", "asked-by-administration")]
    [InlineData("access-reason", "to play Call of Duty together", "individual")]
    // A student who works beside one at another job is a coworker, not one's employee (the policy's rule asks administration).
    [InlineData("relationship", "a senior from my class who works at the grocery with me", "coworker")]
    [InlineData("relationship", "a senior here who's my coworker at the store", "coworker")]
    [InlineData("relationship", "a coworker", "not-student")]
    [InlineData("relationship", "a teacher who works at the school with me", "not-student")]
    // Rides to places are a favour, not school transport (a false allowed on fresh23); "rides" alone says neither.
    [InlineData("purpose", "the friend wants rides places", "personal")]
    [InlineData("purpose", "missing sectionals, rides, band stuff only", "operations")]
    [InlineData("account-stage", "class account the principal set up, she's an admin", "approved")]
    [InlineData("account-stage", "a blog she'd create; her personal site", "new")]
    [InlineData("purpose", "show them my summer trip", "personal")]
    [InlineData("relationship", "a college student doing her student teaching in my room", "not-student")]
    [InlineData("relationship", "a new teacher in my building", "not-student")]
    [InlineData("purpose", "to support their dance videos", "personal")]
    [InlineData("relationship", "two high school students who work on our farm", "employment")]
    [InlineData("medium", "Spotify", "other-app")]
    [InlineData("medium", "LinkedIn", "other-app")]
    [InlineData("purpose", "assembly prep", "operations")]
    [InlineData("relationship", "a former student from 2012, about 25 now", "former-student")]
    [InlineData("relationship", "a former 5th grade student, now a sophomore in college", "former-student")]
    [InlineData("relationship", "junior class officers on prom committee", "student")]
    [InlineData("purpose", "prom planning", "operations")]
    [InlineData("purpose", "to see their artwork and cheer them on", "personal")]
    [InlineData("account-stage", "run by parents, no approved district administrator", "no-district-admin")]
    [InlineData("account-stage", "the district's library page, tech director is the approved admin, principal added me as editor", "approved")]
    [InlineData("content", "the district's official Facebook posts", "district-material")]
    [InlineData("medium", "following each other on Instagram", "friend-request")]
    [InlineData("activity", "a class, team or school account or page", "school-account")]
    [InlineData("medium", "the district's Google Workspace gmail, my school address to their student school addresses", "school-email")]
    [InlineData("purpose", "so she could text me if she needed to talk, not about class", "personal")]
    [InlineData("purpose", "to help him reset his password", "operations")]
    [InlineData("purpose", "troubleshooting help with her chromebook", "operations")]
    [InlineData("content", "just my own words, no district documents or photos", "own-content")]
    [InlineData("content", "my opinion and the district budget PDF", "district-material")]
    [InlineData("relationship", "a kindergartner's mom", "not-student")]
    [InlineData("relationship", "the track team; my throwers", "student")]
    [InlineData("purpose", "a kid wants to watch my streams", "personal")]
    [InlineData("purpose", "to tell him he left his jacket in the gym", "operations")]
    [InlineData("purpose", "so I don't look rude", "personal")]
    [InlineData("purpose", "so he can call me if things get really bad at home", "support")]
    [InlineData("purpose", "sharing memories from the trip", "personal")]
    [InlineData("purpose", "just approved them, nothing club-related", "personal")]
    [InlineData("purpose", "scheduling his shifts at the car wash", "personal")]
    [InlineData("account-use", "pictures of the kids at the science fair", "school-news")]
    [InlineData("account-use", "student art projects, first names only", "school-news")]
    [InlineData("account-stage", "the page the principal set up and co-runs with me", "approved")]
    [InlineData("relationship", "a sophomore who works for me at my salon", "employment")]
    [InlineData("content", "photos from my son's rec league game", "own-content")]
    [InlineData("purpose", "so he can do the retake on Friday", "educational")]
    [InlineData("purpose", "we've kept in touch since she moved", "personal")]
    [InlineData("account-stage", "a new team server I'd moderate", "new")]
    [InlineData("account-use", "answering family questions on the district page", "school-news")]
    [InlineData("access-reason", "answering parent questions on the school page", "asked-by-administration")]
    [InlineData("relationship", "my husband", "not-student")]
    [InlineData("relationship", "the neighbor's daughter, she goes to the high school", "student")]
    [InlineData("relationship", "a parent at the middle school", "not-student")]
    [InlineData("relationship", "my colleague's class, no relation to the kids", "student")]
    [InlineData("relationship", "the moms on my bus route, not the kids", "not-student")]
    [InlineData("purpose", "her dad asked me to keep an eye on her posts", "personal")]
    [InlineData("purpose", "so she comes down for her inhaler", "operations")]
    [InlineData("content", "what happened at her 504 meeting", "confidential")]
    [InlineData("content", "what happened to him in class, no names", "confidential")]
    [InlineData("content", "pics of my teacher friends at a dinner", "own-content")]
    [InlineData("account-stage", "a booster group, not a school account", "no-district-admin")]
    // A parent named with whose parent (a grader, a kindergartner raised by a grandmother) is one adult; a student's
    // self-harm answered in the moment is an emergency; approval one is unsure of is none yet; pictures of one's classes
    // are school material; knowing someone from town or students curious about one's trips is personal (fresh batches
    // 52-53, 2026-12-06).
    [InlineData("relationship", "the mother of a 5th grader; I'm the school nurse", "not-student")]
    [InlineData("relationship", "the grandmother who is raising one of my kindergartners", "not-student")]
    [InlineData("purpose", "she said she wanted to hurt herself", "emergency")]
    [InlineData("purpose", "keep the kids together and let parents know we were safe", "emergency")]
    [InlineData("account-stage", "my ClassDojo class, I don't know if the district approved it", "new")]
    [InlineData("content", "pictures I took of the 6th and 7th grade bands on stage", "district-material")]
    [InlineData("content", "40 students out sick at our elementary", "district-material")]
    [InlineData("account-use", "the facts of what happened between the teacher and the student", "confidential")]
    [InlineData("purpose", "they know her from town and from when she went here", "personal")]
    [InlineData("purpose", "they're always asking about my trips", "personal")]
    [InlineData("purpose", "they just want to see my videos", "personal")]
    [InlineData("purpose", "school info for seniors", "operations")]
    // An answer's words for one question hide no other's: the whole answer claimed as a personal purpose still says what
    // is posted; another adult's guardianship names a student and an adult, not the staff member's exception.
    [InlineData("content", "photos from my hiking trip, nothing about school", "own-content")]
    [InlineData("content", "family vacation photos, nothing about school", "own-content")]
    [InlineData("account-use", "competition schedule, and photos of kids with their names tagged", "confidential")]
    // A clause a negation stands in says nothing from the negation on; the rest of the answer still answers (sealed15's
    // CH020: "nothing urgent" is no emergency, "checking in" is one's own use).
    [InlineData("access-reason", "just checking in, nothing urgent", "individual")]
    [InlineData("access-reason", "not for myself but for a lesson", "teaching")]
    [InlineData("time", "stuck on the route in a snowstorm", "school-day")]
    // fresh58-60's typed lines (CR018, CR026, CU049, CV013, CV019, CV043, CV056, CV059).
    [InlineData("relationship", "a senior in my government class, we both work at the grocery store", "coworker")]
    [InlineData("access-reason", "boredom tbh", "individual")]
    [InlineData("content", "group shots at Logan Pass", "district-material")]
    [InlineData("purpose", "things are rough at home, she wants someone to talk to", "support")]
    [InlineData("purpose", "his mom says it calms him down", "support")]
    [InlineData("activity", "a science teacher TikTok", "school-account")]
    [InlineData("activity", "photos of my daughter on Facebook", "posting")]
    // fresh61 and fresh62 (2026-12-07).
    [InlineData("relationship", "my girls' basketball team", "student")]
    [InlineData("relationship", "guys on the JV football team, im their asst coach (not a teacher)", "student")]
    [InlineData("relationship", "the 6 newspaper editors", "student")]
    [InlineData("purpose", "so they can ask me stuff anytime, like if they're having a rough day", "support")]
    [InlineData("purpose", "support when she panics at night", "support")]
    [InlineData("purpose", "rehab and paperwork", "operations")]
    [InlineData("content", "photo of the hallway mural the art 3 kids painted", "district-material")]
    [InlineData("content", "the full show", "district-material")]
    [InlineData("content", "the new cover design", "district-material")]
    [InlineData("account-use", "the new cover design", "school-news")]
    // Names said to be left out deny nothing the rest says; a story about a student's visit is the student's (BB033, CE032).
    [InlineData("content", "40 students out sick at our elementary, no names", "district-material")]
    [InlineData("content", "photos of the kids, no names", "district-material")]
    [InlineData("content", "video of my 5th grade performers", "district-material")]
    [InlineData("content", "a story about a student's visit to my office, no name", "confidential")]
    // What is due, a follow back, getting home safe; a parents' group's own page (corpus rows not understood, 2026-12-07).
    [InlineData("purpose", "he wants to know what's due tomorrow", "educational")]
    [InlineData("purpose", "questions about the take-home packet I assigned", "educational")]
    [InlineData("purpose", "make sure he got home ok", "support")]
    [InlineData("purpose", "they just want to add me", "personal")]
    [InlineData("purpose", "he wants a follow back", "personal")]
    [InlineData("account-stage", "the PTO parents' Facebook group", "no-district-admin")]
    [InlineData("account-stage", "the PTA's Facebook group", "no-district-admin")]
    // Approval denied however put; only a parent there; a colleague's relative, job or class in the answer's third person,
    // "his" being the one asked about (fresh64's DB026, DB048, DB052, DB060; fresh65's DC007).
    [InlineData("account-stage", "no, it was never approved", "no-district-admin")]
    [InlineData("account-stage", "it's not official", "no-district-admin")]
    [InlineData("account-stage", "a new channel not yet approved", "new")]
    [InlineData("purpose", "rides to the away game, I'm just a parent", "personal")]
    [InlineData("relationship", "a senior on his softball team who babysits his kids", "employment")]
    [InlineData("relationship", "a sophomore in his FFA chapter who will work on his ranch", "employment")]
    [InlineData("relationship", "her stepson, a senior in her AP Lit class", "close-family")]
    [InlineData("relationship", "her nephew, a 9th grader here, she's his legal guardian", "legal")]
    [InlineData("relationship", "a girl in her 3rd period class", "student")]
    [InlineData("activity", "reading instagram notifications", "personal-use")]
    // Typed lines of the corpus not understood before (2026-12-07): a job for one's home, a playdate, a retirement note, a
    // list of eligible wrestlers, the rubric, a piano channel.
    [InlineData("relationship", "a sophomore in my PE class who mows our lawn", "employment")]
    [InlineData("purpose", "arranging playdates with my daughter", "personal")]
    [InlineData("purpose", "the principal asked me to share the calendar", "operations")]
    [InlineData("content", "a note that I'm retiring and thanks to my coworkers, no school photos", "own-content")]
    [InlineData("content", "list of wrestlers and who's academically eligible", "confidential")]
    [InlineData("content", "what happened during his nurse visit, no name", "confidential")]
    [InlineData("content", "project rubric", "district-material")]
    [InlineData("content", "piano covers only, nothing about my personal life or school", "own-content")]
    [InlineData("access-reason", "the bus broke down and the radio doesn't work", "emergency-access")]
    [InlineData("access-reason", "safety info, the PA wasn't working", "emergency-access")]
    [InlineData("account-use", "the canned food drive totals", "school-news")]
    [InlineData("account-use", "the early release time and bus information", "school-news")]
    // A program's clinical rotation and job placement, a class account's showing off the students' work (fresh67).
    [InlineData("purpose", "scrubs, badges and report time for clinical rotation", "operations")]
    [InlineData("purpose", "job placement at a local shop, part of the program", "educational")]
    [InlineData("purpose", "show off their work; keep parents updated", "operations")]
    // On one's payroll, an employee at one's store (sealed21's DI050, DH017, after its one scoring).
    [InlineData("relationship", "a junior at SHS who is on our payroll at the store", "employment")]
    [InlineData("relationship", "a junior on my football team who is also an employee at our store", "employment")]
    // An item of the worksheet; wanting to help the student, as the whole answer (fresh68).
    [InlineData("purpose", "help with #4", "educational")]
    [InlineData("purpose", "I want to help her", "support")]
    // "What is your question about?": sending something to people is contact; one's own social media, where or when
    // used, is using social media (the about lines that objected to a right reading: DI023, DH014, BD040, CV035, E050).
    [InlineData("activity", "sending a deadline reminder", "contact")]
    [InlineData("activity", "sending my weekly newsletter", "contact")]
    [InlineData("activity", "personal Instagram on weekends", "personal-use")]
    [InlineData("activity", "keeping Facebook open at work", "personal-use")]
    [InlineData("activity", "using social media on my own time", "personal-use")]
    // A carpool's pickup is a private arrangement (sealed22's DL048, after its one scoring).
    [InlineData("purpose", "carpool pickup in the morning", "personal")]
    // Typed lines of fresh69 (DN039, DN044, DN026, DN033, DN047, DN044): an internship is school work, recruiting for a school
    // activity and showing off students' work are school business, a win congratulated is encouragement, a post that leaves
    // out the school and its students is one's own, a sign-up form is school material.
    [InlineData("purpose", "summer internship opportunities", "educational")]
    [InlineData("purpose", "getting kids to audition", "operations")]
    [InlineData("purpose", "show off their photography", "operations")]
    [InlineData("purpose", "congratulating him on winning state", "support")]
    [InlineData("content", "a question about stage combat, no school name or students", "own-content")]
    [InlineData("content", "audition dates and sign-up form", "district-material")]
    // fresh70's DQ015 and DQ043: staying connected is personal; a contest won, congratulated, is encouragement.
    [InlineData("purpose", "they want to stay connected", "personal")]
    [InlineData("purpose", "congratulate her on the contest", "support")]
    // fresh71: getting home after a trip, warm-ups and no-shows are school logistics; closeness, a game loved and talent
    // followed because the students asked are personal (not "the AD asked me to"); a student's goals are school work.
    [InlineData("purpose", "so I know every kid got home and nobody's stranded", "operations")]
    [InlineData("purpose", "coordinate warm-ups and where everyone needs to be", "operations")]
    [InlineData("purpose", "too many no-shows, and kids show up with nothing to do", "operations")]
    [InlineData("purpose", "I paid for a few kids' concert shirts out of my own pocket", "operations")]
    [InlineData("purpose", "bus pickup times and location for away games, the AD asked me to", "operations")]
    [InlineData("purpose", "we've gotten really close this year", "personal")]
    [InlineData("purpose", "they're both talented and asked me to", "personal")]
    [InlineData("purpose", "his mom asked me to keep an eye on him", "personal")]
    // fresh72: rides given home after practice are a private arrangement (DU048); a concussion's return to play is school
    // business (DU009); a webinar is none of the choices (DU008), a conference call with an interpreter is contact (DU044).
    [InlineData("purpose", "coordinating rides after practice", "personal")]
    [InlineData("purpose", "summer nanny job, pickup times", "personal")]
    // The county extension office is no office phone extension (sealed24's DS035 went round a loop of ten taps on it).
    [InlineData("medium", "my office extension", "school-platform")]
    [InlineData("account-stage", "club page, approved by the old principal, who was also the admin; he's retired now and nobody replaced him", "no-district-admin")]
    [InlineData("purpose", "so he follows the return-to-play protocol and makes his appointment", "operations")]
    [InlineData("activity", "attending a professional webinar", "other")]
    [InlineData("medium", "comments in shared Google Docs", "school-platform")]
    [InlineData("purpose", "he lights up about Minecraft, and he forgets his goals", "mixed")]
    [InlineData("medium", "email from my district Outlook to her student account, mom cc'd at her personal Gmail", "school-email")]
    // fresh73: a test's reminder is contact (DV017); the school's own phone typed as the way (DV038).
    [InlineData("activity", "a makeup test reminder", "contact")]
    [InlineData("medium", "the classroom landline, a district phone", "school-platform")]
    // fresh74: what is posted, said to have nothing of school in it, a candidate's campaign, one's own hobby (EA008, EA024,
    // EA028, EA038, EA043); a student's own work shown (EA035).
    [InlineData("content", "old criminal cases, never anything about school or students", "own-content")]
    [InlineData("content", "old homesteads, mining, nothing about the schools", "own-content")]
    [InlineData("content", "campaign events, my positions on water and roads", "own-content")]
    [InlineData("content", "campaign posts, my views on county issues", "own-content")]
    [InlineData("content", "gaming, just me playing and talking", "own-content")]
    [InlineData("content", "the student's quiz with his name blurred", "district-material")]
    [InlineData("relationship", "the robotics team members", "student")]
    // A store for teachers' materials is no social networking site (R026, once Teachers Pay Teachers was read as a site).
    [InlineData("site-kind", "Teachers Pay Teachers", "other-site")]
    public void An_answer_word_answers_its_own_question_as_understood(string factId, string typed, string expected)
    {
        var answer = Stevensville.Reader.ReadAnswer(Asking(factId), typed);
        Assert.NotNull(answer);
        Assert.Equal(expected, answer!.Value.Id);
        Assert.False(answer.Picked, "answer words are understood, and confirmed before a go-ahead verdict");
    }

    [Theory]
    // Two people named in one answer: one part each, in the order written.
    [InlineData("relationship", "a student in my 7th grade class, and her father", "student not-student")]
    [InlineData("relationship", "a student who rides my bus, and his dad", "student not-student")]
    [InlineData("relationship", "my niece, and her best friend who is also my current student", "close-family student")]
    [InlineData("relationship", "my own son, and his best friend who is also in my homeroom", "close-family student")]
    // An exception for one and others with no word for them: the others' part asks again.
    [InlineData("relationship", "my niece, and her friends too", "close-family ?")]
    [InlineData("relationship", "my daughter, and her best friend, no relation", "close-family student")]
    [InlineData("relationship", "my brother's daughter, plus six 8th grade girls I see in the library", "close-family student")]
    // One person, however described; one value overriding another; the pair the policy names one value for.
    [InlineData("relationship", "my nephew and a kid from my class", "close-family student")]
    [InlineData("relationship", "my nephew, a student here", "")]
    [InlineData("relationship", "my grandson, and I'm his legal guardian", "")]
    [InlineData("relationship", "his mom", "")]
    [InlineData("purpose", "homework, and to wish her a happy birthday", "")]
    // Another adult's guardianship is no exception of the staff member's (fresh batch 54's false allowed, CJ056).
    [InlineData("relationship", "a boy on my bus route and his grandmother, who is his legal guardian", "student not-student")]
    // One's own child and a teammate named at the start of the answer: both (fresh68's DK047).
    [InlineData("relationship", "my daughter and her teammate, both 8th graders at my school", "close-family student")]
    // A guardianship of one and a team named in the plural: the team are others (fresh74's EA046).
    [InlineData("relationship", "my granddaughter (I'm her legal guardian) and the robotics team members", "legal student")]
    public void An_answer_naming_several_values_is_split_in_order(string factId, string typed, string expected)
    {
        var parts = Stevensville.Reader.ReadAnswerParts(Asking(factId), typed);
        Assert.Equal(expected, string.Join(' ', parts.Select(p => p?.Id ?? "?")));
    }

    [Theory]
    // One line answering for every part of a message: the piece about this part (another activity or way of contacting
    // speaks against a piece; the words of the part's values speak for it).
    [InlineData("time", "Twitter during my prep; the post that evening", "activity=personal-use site-kind=social-networking", "school-day")]
    [InlineData("purpose", "the email is a project reminder; the friend request is just social", "activity=contact medium=accept-request", "personal")]
    [InlineData("purpose", "the text is about the bus delay; the Facebook is just social", "activity=contact medium=accept-request", "personal")]
    [InlineData("purpose", "the email is a project reminder; the friend request is just social", "activity=contact medium=school-email", "educational")]
    // One answer with a remark beside it, or pieces that fit the part equally: nothing picked.
    [InlineData("relationship", "the mother of a kindergartner in my class; the child isn't involved", "activity=contact medium=accept-request", "")]
    [InlineData("purpose", "homework; and to wish her a happy birthday", "activity=contact medium=text", "")]
    // The piece naming what the part before took is that part's: the rest is this part's.
    [InlineData("relationship", "my nephew, I'm his legal guardian; his best friend, also a 5th grader here", "activity=contact medium=text", "student", "close-family")]
    [InlineData("relationship", "my nephew, I'm his legal guardian; his best friend, also a 5th grader here", "activity=contact medium=text", "")]
    // A piece sharing the words of the part before is that part's (C072: "the school account" after the part about it).
    [InlineData("access-reason", "the principal asked me to run the school account; my own feed is just for me", "activity=personal-use site-kind=social-networking time=school-day", "individual", null, "activity=school-account account-stage=approved")]
    [InlineData("access-reason", "the principal asked me to run the school account; my own feed is just for me", "activity=personal-use site-kind=social-networking time=school-day", "asked-by-administration")]
    public void An_answer_for_several_parts_gives_each_part_its_piece(string factId, string typed, string part, string expected, string? taken = null, string? before = null)
    {
        var facts = Facts(part);
        Assert.Equal(expected, Stevensville.Reader.AnswerForPart(Asking(factId), typed, facts, taken, before is null ? null : Facts(before))?.Id ?? "");
    }

    private static Dictionary<string, string> Facts(string facts) => facts.Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);

    [Theory]
    [InlineData("content", "photos of my visit log", "own-content")]
    [InlineData("purpose", "the pickup time for the field trip", "personal")]
    // Answer words never reach a value without its own answer words, however close the words ("my neighbor's kid" is no
    // relative), and a tie gives nothing.
    [InlineData("relationship", "my neighbor's kid", "close-family")]
    [InlineData("purpose", "games", "operations")]
    // Rides alone say nothing of school: a ride to the mall is a favour (fresh23's false allowed read "rides" as school
    // transport).
    [InlineData("purpose", "she needs rides", "operations")]
    // Finding something is not school business: "they found my account and want to follow".
    [InlineData("purpose", "they found my account and want to follow", "operations")]
    // A former student who is still a student in years is not taken for a graduate.
    [InlineData("relationship", "a former student, 19, still a senior here", "former-student")]
    // Gmail alone may be the district's Google Workspace: asked, not taken for a personal address.
    [InlineData("medium", "gmail", "personal-email")]
    // A weekend day beside being on duty is no time off: neither is taken.
    [InlineData("time", "Saturday, on a team trip, I'm supervising", "outside-school")]
    // What an answer denies does not count for it: "nothing urgent" is no emergency.
    [InlineData("access-reason", "just checking in, nothing urgent", "emergency-access")]
    [InlineData("access-reason", "it is not an emergency", "emergency-access")]
    // The relative of someone the answer names is not the colleague's own.
    [InlineData("account-stage", "not yet approved", "approved")]
    [InlineData("account-stage", "it was never approved", "approved")]
    [InlineData("relationship", "my student and her daughter", "close-family")]
    [InlineData("relationship", "his mom; her son is in my class", "close-family")]
    [InlineData("relationship", "her son's friend", "close-family")]
    public void Answer_words_do_not_reach_other_values(string factId, string typed, string not)
    {
        Assert.NotEqual(not, Stevensville.Reader.ReadAnswer(Asking(factId), typed)?.Value.Id);
    }

    [Theory]
    [InlineData("account-stage", "approved, but my co-advisor isn't approved")]
    [InlineData("account-stage", "not approved")]
    [InlineData("account-stage", "run by parents, no approved district administrator")]
    [InlineData("relationship", "a student in my class, and his mom")]
    public void Denied_or_contradicted_answer_words_answer_nothing(string factId, string typed)
    {
        Assert.NotEqual("approved", Stevensville.Reader.ReadAnswer(Asking(factId), typed)?.Value.Id);
        if (factId == "relationship")
        {
            Assert.Null(Stevensville.Reader.ReadAnswer(Asking(factId), typed));
        }
    }

    [Theory]
    [InlineData("The principal approved the field trip, can I text the kids the bus time?", "account-stage")]
    [InlineData("Can I text my students about the test?", "relationship")]
    public void Answer_words_do_not_settle_facts_in_a_question(string question, string factId)
    {
        var reading = Stevensville.Reader.Read(question);
        Assert.False(reading.Facts.ContainsKey(factId) && reading.Evidence[factId].Any(c => c.Origin.StartsWith("answers", StringComparison.Ordinal)));
        Assert.DoesNotContain(reading.Evidence.Values.SelectMany(c => c), c => c.Origin.StartsWith("answers", StringComparison.Ordinal));
    }

    [Fact]
    public void Answer_words_of_one_question_do_not_answer_another_through_what_it_implies()
    {
        // "class" answers "What is it for?" (teaching), and purpose implies contact: it must not answer "What is your question about?".
        Assert.NotEqual("contact", Stevensville.Reader.ReadAnswer(Asking("activity"), "a class, team or school account")?.Value.Id);
    }
}
