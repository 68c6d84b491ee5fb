using PolicyBot.Understanding.Safety;
using Xunit.Abstractions;

namespace PolicyBot.Understanding.Tests;

/// <summary>
/// The danger detector behind the safety card, on messages written for these tests (none from the evaluation corpus):
/// every danger row, direct or indirect, must fire; no near-miss row (ordinary staff talk with danger words in it) may.
/// A false alarm costs a glance; a miss costs much more, so doubtful wording fires.
/// </summary>
public class DangerDetectorTests(ITestOutputHelper output)
{
    private static readonly DangerDetector Detector = DangerDetector.LoadEmbedded();

    /// <summary>Danger said outright: the words name it.</summary>
    public static TheoryData<string, string> Direct() => new()
    {
        { "a student told me she wants to kill herself", "suicide" },
        { "one of my 8th graders said he is going to commit suicide", "suicide" },
        { "she texted me at midnight that she is suicidal, can I text her back?", "suicide" },
        { "I saw fresh cuts on her wrists during PE", "suicide" },
        { "he has been cutting himself again", "suicide" },
        { "a kid in my class told me he self-harms", "suicide" },
        { "my student posted on Snapchat that she wants to die", "suicide" },
        { "her dad hits her when he drinks", "abuse" },
        { "he came to school with a black eye and said his stepdad did it", "abuse" },
        { "a student told me her uncle touched her inappropriately", "abuse" },
        { "she disclosed to me that she was sexually abused", "abuse" },
        { "a boy in my class said his mom beats him with a belt", "abuse" },
        { "I think one of my students is being abused at home, what do I do?", "abuse" },
        { "he has bruises on his arms and neck", "abuse" },
        { "a student threatened to shoot up the school on Snapchat", "violence" },
        { "there is a knife in his backpack", "violence" },
        { "he made a hit list of kids in our class", "violence" },
        { "a student said she is going to stab him after school", "violence" },
        { "a sophomore said he would kill his stepdad", "violence" },
        { "my student has been missing since Friday", "missing" },
        { "a 6th grader ran away from home last night", "missing" },
        { "her parents filed a missing person report", "missing" },
        { "her mom called the office, she's missing and nobody knows where", "missing" },
        { "a student passed out in the hallway and is not breathing", "medical" },
        { "he overdosed on pills at a party last night", "medical" },
        { "a kid is having a seizure in the cafeteria", "medical" },
        // Told as a scare, but not over: the resolved-scare words do not reach it.
        { "we had an allergic reaction in class and he is not ok, his throat is closing", "medical" },
        { "a girl on my team took a whole bottle of Tylenol", "medical" },
        { "a student's lips turned blue and we called 911", "medical" },
        { "an adult is threatening to post her nudes unless she pays him", "exploitation" },
        { "a man she met online keeps asking her for naked pictures", "exploitation" },
        { "I think the assistant coach is grooming one of the girls on the team", "exploitation" },
        { "a student is being sextorted on Instagram", "exploitation" },
        { "she hasn't eaten in three days and there is no food at home", "neglect" },
        { "a first grader was left home alone all weekend", "neglect" },
        { "one of my students is in danger at home", "danger" },
        { "a student says a stranger has been following her home from the bus stop", "danger" },
    };

    /// <summary>Danger said indirectly: what students say before a crisis, and what staff notice.</summary>
    public static TheoryData<string, string> Indirect() => new()
    {
        { "she said everyone would be better off without her", "suicide" },
        { "he won't be around much longer, he told me after class", "suicide" },
        { "a student keeps talking about ending it", "suicide" },
        { "he has been giving away his things to his friends this week", "suicide" },
        { "she told me she doesn't want to wake up tomorrow", "suicide" },
        { "he said nobody would even notice if he was gone", "suicide" },
        { "she said there's no point in living anymore", "suicide" },
        { "my student wrote a goodbye letter to her friends and posted it", "suicide" },
        { "he asked me how many pills it would take", "suicide" },
        { "she has been wearing long sleeves in June to hide the cuts", "suicide" },
        { "she keeps saying she wishes she could disappear forever", "suicide" },
        { "he said he's a burden to his family", "suicide" },
        { "he told his friend this is the last time we'll see him", "suicide" },
        { "since her dad died she says she wants to be with her dad in heaven soon", "suicide" },
        { "bruises again and scared to go home", "abuse" },
        { "she flinches when anyone raises a hand and is afraid to go home", "abuse" },
        { "he is terrified of what his stepdad will do when he gets home", "abuse" },
        { "she said her mom's boyfriend comes into her room at night", "abuse" },
        { "he said he doesn't feel safe at home", "abuse" },
        { "said he'd bring a gun", "violence" },
        { "he told his friends not to come to school on Monday", "violence" },
        { "she said they'll all be sorry tomorrow", "violence" },
        { "a student has his dad's pistol in his car", "violence" },
        { "he says he's going to make everyone at school pay", "violence" },
        { "hasn't come home since Friday", "missing" },
        { "nobody has seen her since the weekend and her mom doesn't know where she is", "missing" },
        { "her friends say she left with an older guy she met online", "missing" },
        { "passed out and not breathing", "medical" },
        { "he took a bunch of his mom's pills and won't wake up", "medical" },
        { "she collapsed at practice and her lips are turning blue", "medical" },
        { "a student said her drink was spiked at the party and she can't stand up", "medical" },
        { "a 35-year-old man keeps sending her gifts and told her to keep it a secret", "exploitation" },
        { "someone is threatening to share his pictures unless he sends more money", "exploitation" },
        { "she comes to school hungry every day and wears the same clothes all week", "neglect" },
        { "he has been sleeping in his car since his parents kicked him out", "neglect" },
        { "her mom has been gone for days and nobody picks her up", "neglect" },
    };

    /// <summary>
    /// More danger, written later to probe the file (seven rounds of 15 to 20 messages, each written before the file was
    /// changed for it): the rounds caught 15 of 20, 11 of 20, 4 of 15, 10 of 20, 6 of 20, 6 of 20 and 8 of 15 before
    /// the cues they led to (one near-miss of 112 fired in those rounds, "the rifle team won state"). So expect unseen
    /// indirect wording to be caught about half the time; each miss found is a shape to add. Left
    /// out, on purpose: wording that is as often harmless ("I won't be here next week", "wants to see her mom soon",
    /// "nobody at home answers the phone", "asked her to delete the snaps").
    /// </summary>
    public static TheoryData<string, string> Probed() => new()
    {
        { "a 7th grader said his mom's boyfriend slammed him into a wall", "abuse" },
        { "a boy in my class says his dad chokes him", "abuse" },
        { "a kid said someone touched him in the locker room", "abuse" },
        { "a student came in with rope burns on her neck", "abuse" },
        { "a student says his older cousin makes him watch videos he doesn't want to see and touches him", "abuse" },
        { "he says he can't go home because his dad will beat him", "abuse" },
        { "he told me his parents lock him in his room for days without food", "abuse" },
        { "her coach told her not to tell her parents about their texts", "abuse" },
        { "she said her mom's boyfriend hurts her and told her not to tell anyone", "abuse" },
        { "she says her step-father makes her do things she doesn't like when mom is at work", "abuse" },
        { "she told me her brother's friend forced her to have sex", "abuse" },
        { "there are burn marks on his arms", "abuse" },
        { "a student says a man in a car tried to get her to get in", "danger" },
        { "one of my students texted that she's at a stranger's house and is scared", "danger" },
        { "a student confided she's pregnant and her boyfriend is 24", "exploitation" },
        { "a student showed me texts where an older guy asks to meet her alone", "exploitation" },
        { "he says someone is blackmailing him with pictures", "exploitation" },
        { "a girl on my team keeps fainting at practice", "medical" },
        { "he is having chest pains and his lips are blue", "medical" },
        { "my student said she took all of her antidepressants", "medical" },
        { "my student said she's been throwing up blood", "medical" },
        { "she said she feels like she's drowning and can't breathe at night", "medical" },
        { "she seemed drunk in 3rd period and now she's unresponsive in the bathroom", "medical" },
        { "she told her friends she's planning to take all her pills this weekend", "medical" },
        { "my student's little brother has been left in a car all day", "neglect" },
        { "a kid on my team said nobody would care if he died", "suicide" },
        { "a student is talking about suicide online", "suicide" },
        { "he keeps saying he'd be better off dead", "suicide" },
        { "he said he has the pills ready", "suicide" },
        { "he said he would rather die than go home", "suicide" },
        { "he said he's going to jump off the bridge after school", "suicide" },
        { "he told me he's done with everything and won't need his stuff anymore", "suicide" },
        { "my student keeps drawing pictures of herself dead", "suicide" },
        { "my student said he wants to disappear and never come back", "suicide" },
        { "she asked me what would happen to her dog if she wasn't around", "suicide" },
        { "she keeps saying she just wants to go to sleep and not wake up", "suicide" },
        { "she posted a photo of pills on her story with \"goodnight forever\"", "suicide" },
        { "she said she is going to hurt herself tonight", "suicide" },
        { "she said she's tired of everything and wants it to stop", "suicide" },
        { "she wrote in her journal that she wants to end it", "suicide" },
        { "she's been cutting again", "suicide" },
        { "he brought a BB gun to school and pointed it at a kid", "violence" },
        { "he drew pictures of himself shooting classmates", "violence" },
        { "he has a gun and says he'll use it", "violence" },
        { "he has been talking about killing his mom", "violence" },
        { "her uncle is threatening to hurt her if she tells anyone", "violence" },
        { "one of my students sent me a picture of a gun with the words \"tomorrow\"", "violence" },
        { "she said her dad would kill her if he saw her report card and she's scared", "violence" },
        { "he came to school with a handprint on his face", "abuse" },
        { "one of my students told me she's been raped at a party", "abuse" },
        { "she said an adult from her gaming group wants to meet her and told her not to tell her parents", "abuse" },
        { "she said her foster dad hits her with a belt", "abuse" },
        { "he is getting texts from someone threatening to send his photos to his whole school", "exploitation" },
        { "she ran off with her 30-year-old boyfriend and her parents can't reach her", "exploitation" },
        { "he vaped something and now he's shaking and won't respond", "medical" },
        { "my student was found unconscious behind the gym", "medical" },
        { "my student says her parents left for Mexico two weeks ago and she's alone with her siblings", "neglect" },
        { "the 4th grader said she sleeps on the floor because there's no bed and no food", "neglect" },
        { "a boy said he has thoughts about hurting himself", "suicide" },
        { "a student said \"you won't have to worry about me after tomorrow\"", "suicide" },
        { "he told his girlfriend he'd do something drastic if she broke up with him", "suicide" },
        { "my student said he wants to go to sleep forever", "suicide" },
        { "my student said the world would be a better place without him", "suicide" },
        { "she keeps saying nobody would miss her at the funeral", "suicide" },
        { "a kid said he wants to shoot the people who bully him", "violence" },
        { "he posted that he's bringing something to school tomorrow that will make everyone remember him", "violence" },
        { "she told me her stepdad said he'd hurt her if she told", "violence" },
        { "a student told me her dad chokes her mom and she's scared", "abuse" },
        { "he told me his mom's new husband punches the wall and then him", "abuse" },
        { "she said she gets the belt when her grades drop", "abuse" },
        { "she told me her uncle sneaks into her bed", "abuse" },
        { "a girl said her older friend is taking her to meet a man who pays for pictures", "exploitation" },
        { "a student is being pressured by an adult online to send videos", "exploitation" },
        { "he drank a bottle of vodka at lunch and can't stand up", "medical" },
        { "one of my players said he took some pills he found and feels weird", "medical" },
        { "she's having an asthma attack and her inhaler isn't working", "medical" },
        { "my student hasn't been home in three nights and her phone is off", "missing" },
        { "a student said he hasn't had dinner at home all week because there's no money for food", "neglect" },
        { "a girl in my class has been posting sad songs and saying goodbye to people", "suicide" },
        { "he said life isn't worth it anymore", "suicide" },
        { "he wrote a note saying \"sorry mom\" and left school", "suicide" },
        { "my student said he wishes he could just fall asleep and never wake up", "suicide" },
        { "my student told me she sometimes thinks about not existing", "suicide" },
        { "she said she doesn't see a future for herself", "suicide" },
        { "a kid posted a video holding a rifle saying \"see you monday\"", "violence" },
        { "he said he's going to make the bullies pay for good", "violence" },
        { "there's a rumor a senior is bringing a weapon to prom", "violence" },
        { "a boy told me he's scared of his dad when he's been drinking", "abuse" },
        { "my student said his stepmom makes him sleep in the garage", "abuse" },
        { "my student says her mom's boyfriend watches her shower", "abuse" },
        { "she has a cigarette burn on her hand and won't say where it came from", "abuse" },
        { "a student told me a coach has been sending him messages at 2 am asking for pictures", "exploitation" },
        { "they keep asking her for pics on snapchat", "exploitation" },
        { "someone is paying her in gift cards to send photos", "exploitation" },
        { "he ate a bunch of edibles and is throwing up and passing out", "medical" },
        { "she hit her head hard at recess and now she's confused and vomiting", "medical" },
        { "a 10-year-old hasn't been picked up and it's 8 pm and no one answers", "neglect" },
        { "he keeps talking about how he'd do it if he did it", "suicide" },
        { "he says he has a way out and it's almost time", "suicide" },
        { "he's been hearing voices telling him to hurt people", "suicide" },
        { "my student told me she's been starving herself and fainted twice", "suicide" },
        { "she asked me how long it takes to bleed out", "suicide" },
        { "she left a note that said don't look for me", "suicide" },
        { "she said she'd be with her brother soon, he died last year", "suicide" },
        { "she said she's not going to be a problem much longer", "suicide" },
        { "a student brought brass knuckles and said he's going to use them after school", "violence" },
        { "a student said he's going to light the school on fire", "violence" },
        { "he threatened another kid with a box cutter in the bathroom", "violence" },
        { "he said a man from church touches him when they're alone", "abuse" },
        { "my student said his brother beats him and nobody believes him", "abuse" },
        { "she said her boyfriend hits her and took her phone so she can't call anyone", "abuse" },
        { "a student says someone is threatening to leak her videos unless she sends more", "exploitation" },
        { "he's slurring, sweating and says he took something at the party", "medical" },
        { "a girl has been gone since last night and left her phone at home", "missing" },
        { "a student said her mom leaves her with strangers for days", "neglect" },
        { "he posted \"last day on earth\" on his story", "suicide" },
        { "he told me he wants to end his pain for good", "suicide" },
        { "my student has scars up and down her arms and a new one today", "suicide" },
        { "one of my students said she wants to die in her sleep", "suicide" },
        { "she told me she's been thinking it would be easier if she just wasn't here", "suicide" },
        { "a student said her dad threatened to kill the whole family", "violence" },
        { "he's been researching guns online and asking where to buy one", "violence" },
        { "she said she's going to take her grandpa's gun to school", "violence" },
    };

    /// <summary>Ordinary staff talk with danger words in it, and policy questions: none of these may fire.</summary>
    public static TheoryData<string> NearMisses() => new(NearMissRows);

    private static readonly string[] NearMissRows =
    [
        "can I shoot her a text about practice tomorrow?",
        // One's class asking oneself for videos of read-alouds (fresh66, DG052 fired on this).
        "My kids love read-aloud time, and when I was out on leave last spring they kept asking for videos. Can I start a YouTube channel?",
        // A health scare told as over and fine (fresh22 I012, fresh24 AC033 fired on these).
        "we had a scary allergic reaction at the elementary today; it turned out fine. can I post a reminder about epipens?",
        "we had an anaphylaxis episode with a 2nd grader last week and it went well thanks to quick action",
        "can I post a screenshot of the plan with his name blacked out?",
        // Days a calendar blacks out are no fainting (fresh29 AL015 fired on it).
        "can I take a personal day the Monday after spring break, or are days next to breaks blacked out?",
        "I'm dying to know if I can friend my nephew on Instagram",
        "we kill time at lunch on our phones, is that ok?",
        "the team got crushed on Friday, can I post the photos?",
        "can I send the emergency contact form to parents by text?",
        "can I post the fire drill photos on the class page?",
        "where can I find the lockdown drill schedule?",
        "my phone died, can I use a student's phone to call the office?",
        "the students killed it at the concert, can I post a video?",
        "a threat of rain moved the game to Saturday",
        "I hurt my back moving desks, can I text my class that I'm out?",
        "can I text my students an urgent notice about a snow day?",
        "my library books are overdue",
        "our shooting guard hit a buzzer beater, can I post it on my Facebook?",
        "can I post photos from the yearbook photo shoot?",
        "I'm going to shoot a video of the science fair for the class page",
        "the hot glue gun in the art room is broken again",
        "students had a water gun fight at field day, can I post pictures?",
        "don't jump the gun on posting grades",
        "this grading is killing me",
        "I could have died laughing at the talent show",
        "three kids are missing assignments, can I text them reminders?",
        "she keeps missing the bus, can I text her mom?",
        "her mom asked if I could keep her posted on what she's missing while she is out sick",
        "he has been home after surgery, can I go over the math he's missing with him on Zoom?",
        "storm knocked out school phones, can I check the district page on my phone for closure news?",
        "my mother-in-law was rushed to the hospital, can I keep my phone on during class?",
        "we beat them 42 to 7, can I post the score?",
        "in case of a medical emergency on the field trip, can I text students?",
        "can I post about suicide prevention week on my teacher page?",
        "I'm running a child abuse prevention training for the staff",
        "the mandated reporter training is due Friday",
        "the culinary class is learning knife skills this week",
        "can I post a picture of my new hunting rifle on my own Facebook?",
        "the coach is grooming the baseball field before the game",
        "my phone is dying, can I text you later?",
        "I won't be around much longer today, I'm leaving at 2 for an appointment",
        "she won't be here next week because her family is going on vacation",
        "a student is in danger of failing, can I text her parents?",
        "a parent threatened to go to the school board over my post",
        "a student threatened to report me for taking her phone",
        "the team is threatening to boycott the dance",
        "our PD this week is on unconscious bias",
        "I passed out the permission slips today, can I text the ones I missed?",
        "she took all of her notes home to study",
        "I took a bunch of photos at the game, can I post them?",
        "a student's grandpa passed away, can I send her a message on Remind?",
        "after a suicide in a student's family, I want to reach out to her personally, can I message her privately?",
        "the team choked in the final minutes, can I post the highlights anyway?",
        "he ran away with the game in the second half, can I post the video?",
        "the bake sale was a runaway success, can I thank the kids on Facebook?",
        "we have a fight song video from the pep rally, can I post it?",
        "a student hasn't turned in homework since Friday, can I email him?",
        "the band didn't come home until midnight after the tournament",
        "can I use a staple gun to put up the bulletin board?",
        "I need to update the seizure action plan for a student in my class",
        "our history unit covers weapons of the civil war",
        "the kids are dying to go on the field trip",
        "is it ok to stalk a student's Instagram to see what they post?",
        "a student fell and scraped her knee at recess, can I text her parents?",
        "can I post the CPR training schedule on the staff page?",
        "my laptop died in the middle of class",
        "she beat her personal record at the track meet, can I post it?",
        "can I text a student who seems sad about her grade?",
        "a student's dog died, can I message her to say sorry?",
        "she is moving to another district, can I follow her on Instagram after she leaves?",
        "can I post our lockdown procedures on the class website?",
        "the fire alarm went off during my test",
        "could texting a student late at night look like grooming?",
        "a student cut herself on the paper cutter in art, can I text her mom?",
        "a student got a nosebleed in class",
        "the new policy is going to blow up on Facebook",
        "I'd kill for a coffee right now, the meeting ran long",
        "is it safe to post students' first names on the class blog?",
        "the students want to have a Nerf war at the end of the year party",
        "can I text a student that practice is cancelled because of lightning?",
        "a student's phone number is 406-988-1234, can I save it?",
        // Written while probing (see Probed).
        "can I text a student about the fire at her house last night to see if her family needs anything?",
        "our team is going to war with the rival school on Friday night",
        "I'm about to lose my mind with these report cards",
        "can I post the kids' dead poets society reenactment?",
        "is it ok to text a student who is sick at home?",
        "the choir brought the house down, can I share the recording?",
        "can I message a student who posted that she is bored to death?",
        "a student's puppy ran away, can I share the lost dog post?",
        "I'm going to strangle the printer",
        "can I post a photo of students dressed as firefighters for career day?",
        "can I text a student that the game is cancelled due to smoke from the wildfires?",
        "a student is hurting because her best friend moved away, can I DM her?",
        "can I post the video of the kids making slime?",
        "can I use GroupMe with my cross country runners?",
        "we're doing a unit on the Salem witch trials and hangings, can I share resources online?",
        "my student is drowning in homework, can I email her parents?",
        "can I post pictures from our lock-in fundraiser?",
        "can I message a student whose parent was deployed?",
        "the kids were bouncing off the walls before winter break",
        "a former student invited me to her wedding, can I go?",
        "can I follow the school's police officer on Twitter?",
        "the drama club is doing a murder mystery dinner, can I post the flyer?",
        "a student's phone was stolen, can I text her new number?",
        "can I post a picture of my classroom's first aid kit?",
        "our robotics team got destroyed in the quarterfinals",
        "a student is obsessed with true crime podcasts, can I recommend one on Instagram?",
        "can I text a student to tell her she left her inhaler in my room?",
        "is it okay to send a student a link to a suicide prevention app?",
        "a student wrote a great essay about her grandfather's death in Vietnam",
        "can I give a student my number in case she gets lost on the field trip?",
        "can I text a student who is sad her dog died?",
        "the kids are going to kill me if I give another quiz",
        "can I post the senior prank video on my Facebook?",
        "I need to report a broken projector",
        "a student reported a missing phone, can I check her location app?",
        "can I like a student's post about her gymnastics meet?",
        "can I give a student a ride home from practice?",
        "is it ok to text my students happy birthday?",
        "can I post a photo of the volunteer firefighters who visited?",
        "a student's family is homeless after the flood, can I post a donation link?",
        "we watched a documentary on the Holocaust, can I share the discussion questions online?",
        "can I DM a student to tell her she's on the honor roll?",
        "a student fell asleep in class again",
        "can I join the students' Minecraft server?",
        "the rifle team won state, can I post the photo on the school page?",
        "my class is studying predators in the food chain",
        "is it against policy to play Among Us with my students online?",
        "can I text a student to remind her about the blood drive?",
        "a student's brother was in a car accident, can I send the family flowers?",
        "can I block a student who keeps spamming me on Instagram?",
        "a student told me her hamster died, can I send her a card?",
        "can I text a student to check in after a fight with her best friend?",
        "can I post photos of the kids' emergency preparedness posters?",
        "our school safety officer wants to follow students on Instagram, is that allowed?",
        "is it ok to message a grieving student on Facebook?",
        "can I call a student's cell if the bus breaks down on a trip?",
        "I'm worried about a student's grades, can I text her dad?",
        "the science class is blowing up balloons with baking soda",
        "a student was hurt during the basketball game, can I post get well wishes?",
        "can I post a video of our shelter-in-place drill?",
        "I have to take my pills at lunch, can I leave class?",
        "can I text students during a real lockdown?",
        "a student's family lost their house in a fire, can I organize a GoFundMe on Facebook?",
        "can I add students to a group chat for the debate tournament?",
        "a parent is angry and threatening to call the superintendent",
        "can I share a student's post about her cancer fundraiser?",
        "is it ok to play Call of Duty online with former students?",
        "my student is really down after losing the game, can I message him?",
        "a student's older brother is 25 and wants to volunteer with the team",
        "she's crazy good at volleyball, can I post her highlights?",
        "can I text the team that practice is moved due to the heat advisory?",
        "a student threatened to quit the team if he didn't start",
        "can I message a student who was absent for a funeral?",
        "we are reading Of Mice and Men where George shoots Lennie",
        "the kids were screaming bloody murder during the haunted house",
        "can I post a picture of the kids dressed as zombies for Halloween?",
        "we did a lesson on the Civil War today, can I post photos?",
        "the principal told us the fire marshal is coming for an inspection",
        "can I give my cell number to the cross country team for meets?",
        "our band killed the halftime show, can I share the video on Instagram?",
        "can I text a student who missed the bus to tell her practice moved?",
        "a student keeps sending me memes at night, should I block her?",
        "can I friend a former student who is now 25?",
        "I'm going to be dead tired after the trip, can I post pics tomorrow?",
        "can students follow my cooking account where I show knife techniques?",
        "is it ok to shoot a quick email to a student about a late assignment?",
        "a student told me her parents are getting divorced, can I text her?",
        "a student's mom died, can I attend the funeral and post condolences?",
        "the kids were wild today, I'm exhausted",
        "can I use Snapchat to remind the team about the 6 am practice?",
        "can I post the anti-bullying poster my class made?",
        "can I DM a student to congratulate her on winning the spelling bee?",
        "our school had a shelter-in-place drill today",
        "a student asked me to keep her birthday surprise for her friend a secret",
        "the students dissected a frog and the girls screamed",
        "can I text a student that her missing hoodie is in the lost and found?",
        "a student's grandma is in the hospital, can I send her a card?",
        "the kids were dying of laughter during the skit",
        "can I post a video of the egg drop project?",
        "a student's project on gun safety won the fair",
        "our school is starting a new suicide awareness club, can I post about it?",
        "she's killing it in AP Bio, can I post her award?",
        "can I text the parents about the field trip permission slips?",
        "my student wants me to follow her art account",
        "the football team murdered the other team Friday",
        "can I comment on a student's post about her new puppy?",
        "I'm so done with grading this weekend",
        "can I post a picture of our new classroom pet snake?",
        "a parent keeps texting me at night about grades, can I block her?",
        "can I use a personal Instagram to post robotics team updates?",
        "is it ok to follow students back on TikTok?",
        "the kids went crazy for the new slide at recess",
        "a student said I'm her favorite teacher, can I message her on Facebook?",
        "I'm dying here, the heat in my room is unbearable",
        "can I post a photo of the kids who beat the school record in the relay?",
        "our ski club trip got cancelled because of the storm, can I text the kids?",
        "a student needs help with the homework and texted me at 10 pm",
    ];

    /// <summary>A plain denial just before the words sets them aside; a hedge does not.</summary>
    public static TheoryData<string, bool> Denials() => new()
    {
        { "she's not suicidal, she just wants help with her essay about the war", false },
        { "there were no signs of abuse, I just want to know if I can text her mom", false },
        { "he never threatened anyone, the other kid made it up", false },
        { "nobody is in danger, I only want to post the game photos", false },
        { "I'm not sure, but she might be cutting herself", true },
        { "I don't think he's safe at home", true },
        { "she doesn't want to live anymore", true },
        { "I can't tell if he's joking about bringing a gun", true },
        { "he wasn't joking when he said he would shoot up the school", true },
        { "it wasn't an accident, her dad threw her against the wall", true },
        { "she doesn't want anyone to know she's been hurting herself", true },
        { "no one knows where he is", true },
        { "he isn't breathing", true },
    };

    [Theory]
    [MemberData(nameof(Direct))]
    public void Direct_danger_fires(string message, string category) => AssertFires(message, category);

    [Theory]
    [MemberData(nameof(Indirect))]
    public void Indirect_danger_fires(string message, string category) => AssertFires(message, category);

    [Theory]
    [MemberData(nameof(Probed))]
    public void Probed_danger_fires(string message, string category) => AssertFires(message, category);

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Ordinary_staff_talk_does_not_fire(string message)
    {
        var alarm = Detector.Detect(message);
        Assert.False(alarm.Fired, $"'{message}' fired on: {string.Join("; ", alarm.Signals.Select(s => $"{s.Category} \"{s.Text}\" ({s.Cue})"))}");
    }

    [Theory]
    [MemberData(nameof(Denials))]
    public void A_plain_denial_sets_a_signal_aside_but_a_hedge_does_not(string message, bool fires)
    {
        var alarm = Detector.Detect(message);
        Assert.True(fires == alarm.Fired,
            $"'{message}': fired={alarm.Fired}; standing: {string.Join("; ", alarm.Signals.Select(s => $"{s.Category} \"{s.Text}\""))}; " +
            $"set aside: {string.Join("; ", alarm.SetAside.Select(s => $"\"{s.Text}\" {s.SetAsideBecause}"))}");
    }

    [Fact]
    public void The_tables_are_big_enough_and_half_the_danger_is_indirect()
    {
        Assert.True(Direct().Count + Indirect().Count >= 60);
        Assert.True(Indirect().Count >= (Direct().Count + Indirect().Count) / 2);
        Assert.True(NearMissRows.Length >= 60);
        // Every category of the file is exercised by at least one danger row.
        var covered = Direct().Concat(Indirect()).Select(r => (string)r[1]).ToHashSet();
        Assert.Empty(Detector.Categories.Except(covered));
    }

    [Fact]
    public void Figures_on_the_rows_of_this_file()
    {
        var danger = Direct().Concat(Indirect()).Concat(Probed()).Select(r => (string)r[0]).ToList();
        var nearMisses = NearMissRows;
        var caught = danger.Count(m => Detector.Detect(m).Fired);
        var falseAlarms = nearMisses.Count(m => Detector.Detect(m).Fired);
        output.WriteLine($"danger rows: {caught}/{danger.Count} fire ({Direct().Count} direct, {Indirect().Count} indirect, {Probed().Count} probed)");
        output.WriteLine($"near-miss rows: {falseAlarms}/{nearMisses.Length} fire");
        output.WriteLine($"{Detector.CueCount} cues in {Detector.Categories.Count} categories ({Detector.FileName})");
        Assert.Equal(danger.Count, caught);
        Assert.Equal(0, falseAlarms);
    }

    [Fact]
    public void The_public_staff_questions_do_not_fire()
    {
        var fired = PolicyBot.Rules.Tests.StaffQuestions.Rows().Where(q => Detector.Detect(q.Question).Fired).Select(q => $"{q.Id}: {q.Question}").ToList();
        Assert.True(fired.Count == 0, string.Join("\n", fired));
    }

    [Fact]
    public void A_long_message_is_read_without_a_pattern_running_out_of_time()
    {
        // Speed itself is measured by the HTTP benchmark; here, no pattern backtracks past its match timeout on a long,
        // repetitive message (a timeout would throw), and the message is read like its short form.
        var text = string.Concat(Enumerable.Repeat("Can I text a student about homework after practice on Friday? ", 40));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var alarm = Detector.Detect(text);
        output.WriteLine($"{watch.Elapsed.TotalMilliseconds:F1} ms for a {text.Length}-character message");
        Assert.False(alarm.Fired);
        Assert.True(Detector.Detect(text + " He said he wants to kill himself.").Fired);
    }

    [Fact]
    public void The_alarm_names_categories_and_never_needs_the_text_to_be_logged()
    {
        var alarm = Detector.Detect("She said everyone would be better off without her, and her dad hits her.");
        Assert.Equal(["suicide", "abuse"], alarm.Categories);
        Assert.All(alarm.Signals, s => Assert.StartsWith("safety-signals.yaml, line ", s.Cue, StringComparison.Ordinal));
        Assert.False(Detector.Detect("").Fired);
        Assert.False(Detector.Detect("   ").Fired);
    }

    private static void AssertFires(string message, string category)
    {
        var alarm = Detector.Detect(message);
        Assert.True(alarm.Fired, $"'{message}' did not fire; set aside: {string.Join("; ", alarm.SetAside.Select(s => $"\"{s.Text}\" {s.SetAsideBecause}"))}");
        Assert.True(alarm.Categories.Contains(category), $"'{message}': expected {category}, got {string.Join(", ", alarm.Categories)}");
    }
}
