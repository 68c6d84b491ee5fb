namespace PolicyBot.Understanding.Tests;

/// <summary>Phone numbers and e-mail addresses never reach a log.</summary>
public class RedactorTests
{
    private static readonly Redactor Redactor = new();

    [Theory]
    [InlineData("Call me at 406-555-0123 tonight", "Call me at [phone] tonight")]
    [InlineData("my number is (406) 777 1234.", "my number is [phone].")]
    [InlineData("text 4065551234 please", "text [phone] please")]
    [InlineData("+1 406.555.0123", "[phone]")]
    [InlineData("from London: +44 20 7946 0958", "from London: [phone]")]
    [InlineData("email jane@stevensville.k12.mt.us or jane.doe+class@gmail.com", "email [email] or [email]")]
    [InlineData("write to a1234567890@example.org", "write to [email]")]
    [InlineData("Ms. O'Neil <oneil@school.example> and 406 555 0123", "Ms. O'Neil <[email]> and [phone]")]
    public void Redacts(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("Can I text a student about homework?")]
    [InlineData("I gave 160 students my number for grades 6-12 in 2019.")]
    [InlineData("Policy revised 2019-05-09, 250 friends, room 101")]
    [InlineData("Is 3:30 pm on 10/14 OK?")]
    [InlineData("")]
    public void Leaves_other_text_alone(string text) => Assert.Equal(text, Redactor.Redact(text));

    [Fact]
    public void Redacted_text_has_no_digits_of_the_number_left()
    {
        var redacted = Redactor.Redact("Student called 406-555-0123 and wrote from kid.one@gmail.com at 9pm");
        Assert.DoesNotContain("555", redacted);
        Assert.DoesNotContain("gmail", redacted);
        Assert.Equal("Student called [phone] and wrote from [email] at 9pm", redacted);
    }
}
