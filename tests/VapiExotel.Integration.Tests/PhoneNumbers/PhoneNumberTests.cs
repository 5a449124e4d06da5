using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VapiExotel.Integration.Internal;
using VapiExotel.Integration.PhoneNumbers;

namespace VapiExotel.Integration.Tests.PhoneNumbers;

/// <summary>The number policy: every accepted form, every refusal with its reason, and the forms each side writes.</summary>
public sealed class PhoneNumberTests
{
    private const string Bangalore = "+918047490924";
    private const string BangaloreNational = "08047490924";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Indian forms, each with separators.
    [TestCase("+918047490924", Bangalore, BangaloreNational)]
    [TestCase("918047490924", Bangalore, BangaloreNational)]
    [TestCase("08047490924", Bangalore, BangaloreNational)]
    [TestCase("0918047490924", Bangalore, BangaloreNational)]
    [TestCase("00918047490924", Bangalore, BangaloreNational)]
    [TestCase("+91 80 4749 0924", Bangalore, BangaloreNational)]
    [TestCase("+91-80-4749-0924", Bangalore, BangaloreNational)]
    [TestCase("+91.80.4749.0924", Bangalore, BangaloreNational)]
    [TestCase("(080) 4749 0924", Bangalore, BangaloreNational)]
    [TestCase("080.4749.0924", Bangalore, BangaloreNational)]
    [TestCase("  +918047490924\t", Bangalore, BangaloreNational)]
    [TestCase("\u00A0+91\u00A080 4749 0924", Bangalore, BangaloreNational)]
    [TestCase("0091 80 4749 0924", Bangalore, BangaloreNational)]
    [TestCase("091-80-4749-0924", Bangalore, BangaloreNational)]
    [TestCase("+919876543210", "+919876543210", "09876543210")]
    [TestCase("09876543210", "+919876543210", "09876543210")]
    [TestCase("919876543210", "+919876543210", "09876543210")]
    [TestCase("+91 (98765) 43210", "+919876543210", "09876543210")]
    [TestCase("0091 98765 43210", "+919876543210", "09876543210")]
    [TestCase("091 98765 43210", "+919876543210", "09876543210")]
    [TestCase("09123456789", "+919123456789", "09123456789")]         // 0 and a mobile starting 91, not the 091 prefix
    [TestCase("011 2345 6789", "+911123456789", "01123456789")]       // Delhi: STD 11
    [TestCase("+91 11 2345 6789", "+911123456789", "01123456789")]
    [TestCase("0120 123 4567", "+911201234567", "01201234567")]       // Noida: STD 120
    [TestCase("(0124) 412-3456", "+911244123456", "01244123456")]     // Gurugram: STD 124
    [TestCase("0 79 2630 0000", "+917926300000", "07926300000")]      // Ahmedabad: STD 79 looks like a mobile, and is fine
    // Other countries: E.164 only, and Exotel writes them back as sent.
    [TestCase("+14155551234", "+14155551234", "+14155551234")]
    [TestCase("+1 (415) 555-1234", "+14155551234", "+14155551234")]
    [TestCase("+44 20 7946 0958", "+442079460958", "+442079460958")]
    [TestCase("+65 6123 4567", "+6561234567", "+6561234567")]
    [TestCase("+12345678", "+12345678", "+12345678")]                 // 8 digits, the shortest
    [TestCase("+123456789012345", "+123456789012345", "+123456789012345")] // 15 digits, the longest
    public void An_accepted_form_reads_as_its_E164_and_Exotel_national_forms(string text, string e164, string national)
    {
        var parsed = PhoneNumber.TryParse(text, out var number, out var reason);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.True, reason);
            Assert.That(reason, Is.Null);
            Assert.That(number!.E164, Is.EqualTo(e164));
            Assert.That(number.ExotelNational, Is.EqualTo(national));
            Assert.That(number.IsIndian, Is.EqualTo(e164.StartsWith("+91", StringComparison.Ordinal)));
            Assert.That(number.ToString(), Is.EqualTo(e164));
            Assert.That(PhoneNumber.Parse(text), Is.EqualTo(number));
        });
    }

    [TestCase("", "it is empty.")]
    [TestCase("   ", "it is empty.")]
    [TestCase("+", "there are no digits after the '+'.")]
    [TestCase("+ ( ) -", "there are no digits after the '+'.")]
    [TestCase("-- ..", "it has no digits.")]
    [TestCase("+9108047490924", "+91 is followed by a trunk prefix 0, which does not belong after the country code; drop that 0.")]
    [TestCase("+91 (0)80 4749 0924", "+91 is followed by a trunk prefix 0")]
    [TestCase("9108047490924", "91 is followed by a trunk prefix 0")]
    [TestCase("00910 80 4749 0924", "0091 is followed by a trunk prefix 0")]
    [TestCase("0910 8047 490924", "091 is followed by a trunk prefix 0")]
    [TestCase("+91", "an Indian number has 10 digits after +91 (the mobile number, or the STD code and the subscriber number); this has 0.")]
    [TestCase("+91804749092", "10 digits after +91 (the mobile number, or the STD code and the subscriber number); this has 9.")]
    [TestCase("+9180474909245", "this has 11.")]
    [TestCase("0", "10 digits after the trunk prefix 0 (the mobile number, or the STD code and the subscriber number); this has 0.")]
    [TestCase("0804749092", "10 digits after the trunk prefix 0 (the mobile number, or the STD code and the subscriber number); this has 9.")]
    [TestCase("080474909245", "10 digits after the trunk prefix 0 (the mobile number, or the STD code and the subscriber number); this has 11.")]
    [TestCase("91804749092", "10 digits after 91 (the mobile number, or the STD code and the subscriber number); this has 9.")]
    [TestCase("0091804749092", "10 digits after 0091 (the mobile number, or the STD code and the subscriber number); this has 9.")]
    [TestCase("8047490924", "10 digits with no prefix name no country; write +91 (or 0) before an Indian number, or give the number in E.164.")]
    [TestCase("98765 43210", "10 digits with no prefix name no country")]
    [TestCase("442079460958", "it has 12 digits and no prefix; write it in E.164 (+ and the country code) or in an Indian form (+91…, 0…).")]
    [TestCase("4155551234567", "it has 13 digits and no prefix")]
    [TestCase("0044 20 7946 0958", "the international prefix 00 is accepted only for India (0091…); write other countries' numbers in E.164 (+ and the country code).")]
    [TestCase("+0918047490924", "a country code never starts with 0 (after '+' comes the country code: +91 for India).")]
    [TestCase("+1234567", "an E.164 number has 8 to 15 digits; this has 7.")]
    [TestCase("+1234567890123456", "an E.164 number has at most 15 digits; this has 16.")]
    [TestCase("08047490924 ext 12", "it has an extension or a dial string; give the number alone.")]
    [TestCase("08047490924 Ext. 12", "it has an extension or a dial string")]
    [TestCase("08047490924x12", "it has an extension or a dial string")]
    [TestCase("+918047490924#123", "it has an extension or a dial string")]
    [TestCase("+918047490924,,123", "it has an extension or a dial string")]
    [TestCase("+918047490924;ext=5", "it has an extension or a dial string")]
    [TestCase("+91 80 CALL NOW", "it contains the letter 'C'; only digits, a leading '+' and the separators space, '-', '.', '(' and ')' are allowed.")]
    [TestCase("1-800-FLOWERS", "it contains the letter 'F'")]
    [TestCase("O8047490924", "it contains the letter 'O'")]                 // a capital O for the zero
    [TestCase("+91 80/4749/0924", "it contains '/', which is neither a digit nor a separator (space, '-', '.', '(' or ')').")]
    [TestCase("+91_8047490924", "it contains '_'")]
    [TestCase("٠٨٠٤٧٤٩٠٩٢٤", "it contains '٠'")]                          // Arabic-Indic digits are not ASCII digits
    [TestCase("++918047490924", "a '+' may only lead the number.")]
    [TestCase("0 +918047490924", "a '+' may only lead the number.")]
    [TestCase("(080 4749 0924", "its parentheses do not match.")]
    [TestCase("080) 4749 (0924", "its parentheses do not match.")]
    [TestCase("((080)) 47490924", "its parentheses are nested.")]
    [TestCase("+91 80 4749 0924 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000", "it is longer than 64 characters.")]
    public void A_malformed_number_is_refused_with_its_reason(string text, string reason)
    {
        var parsed = PhoneNumber.TryParse(text, out var number, out var why);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.False);
            Assert.That(number, Is.Null);
            Assert.That(why, Does.Contain(reason));
            Assert.That(() => PhoneNumber.Parse(text), Throws.TypeOf<FormatException>().With.Message.EqualTo($"'{text}' is not a phone number: {why}"));
        });
    }

    [Test]
    public void Null_is_refused_by_TryParse_and_an_argument_error_for_Parse()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PhoneNumber.TryParse(null, out var number, out var reason), Is.False);
            Assert.That(number, Is.Null);
            Assert.That(reason, Is.EqualTo("it is empty."));
            Assert.That(PhoneNumber.TryParse(null, out _), Is.False);
            Assert.That(() => PhoneNumber.Parse(null!), Throws.ArgumentNullException);
        });
    }

    [TestCase("+918047490924")]
    [TestCase("08047490924")]
    [TestCase("0091 80 4749 0924")]
    [TestCase("+1 415 555 1234")]
    [TestCase("+44 20 7946 0958")]
    public void Each_rendered_form_reads_back_as_the_same_number(string text)
    {
        var number = PhoneNumber.Parse(text);

        Assert.Multiple(() =>
        {
            Assert.That(PhoneNumber.Parse(number.E164), Is.EqualTo(number), "E.164 round trip");
            Assert.That(PhoneNumber.Parse(number.ExotelNational), Is.EqualTo(number), "Exotel's form round trip");
            Assert.That(PhoneNumber.Parse(number.ToString()).E164, Is.EqualTo(number.E164));
            Assert.That(number.Matches(number.ExotelNational), Is.True);
            Assert.That(number.Matches(number.E164), Is.True);
        });
    }

    [Test]
    public void Every_form_of_one_number_is_equal_with_equal_hash_codes_and_another_number_is_not()
    {
        string[] forms = ["+918047490924", "918047490924", "08047490924", "0918047490924", "00918047490924", "+91 (80) 4749-0924"];
        var numbers = forms.Select(PhoneNumber.Parse).ToList();
        var other = PhoneNumber.Parse("+918047490925");

        Assert.Multiple(() =>
        {
            foreach (var number in numbers)
            {
                Assert.That(number.Equals(numbers[0]), Is.True, number.ToString());
                Assert.That(number == numbers[0], Is.True);
                Assert.That(number != numbers[0], Is.False);
                Assert.That(number.GetHashCode(), Is.EqualTo(numbers[0].GetHashCode()));
                Assert.That(number.Equals((object)numbers[0]), Is.True);
                Assert.That(number == other, Is.False);
                Assert.That(number.Equals(other), Is.False);
            }

            Assert.That(numbers.Distinct().Count(), Is.EqualTo(1));
            Assert.That(numbers[0].Equals(null), Is.False);
            Assert.That(numbers[0] == null, Is.False);
            Assert.That((PhoneNumber?)null == null, Is.True);
            Assert.That(numbers[0].Equals("+918047490924"), Is.False, "a string is not a number");
        });
    }

    [Test]
    public void Matches_reads_what_a_service_wrote_back_and_refuses_what_is_not_a_number()
    {
        var number = PhoneNumber.Parse("+919876543210");

        Assert.Multiple(() =>
        {
            Assert.That(number.Matches("09876543210"), Is.True, "Exotel's call details");
            Assert.That(number.Matches("919876543210"), Is.True, "digits only");
            Assert.That(number.Matches("09876543211"), Is.False);
            Assert.That(number.Matches("9876543210"), Is.False, "no country");
            Assert.That(number.Matches(null), Is.False);
            Assert.That(number.Matches("not a number"), Is.False);
        });
    }

    [Test]
    public void In_JSON_a_number_is_its_E164_string_and_any_accepted_form_reads()
    {
        var number = PhoneNumber.Parse("08047490924");
        var byNumber = new Dictionary<PhoneNumber, string> { [number] = "front desk" };

        Assert.Multiple(() =>
        {
            // The default encoder writes '+' as \u002B; the value is the E.164 string either way.
            Assert.That(JsonSerializer.Serialize(number, Relaxed), Is.EqualTo("\"+918047490924\""));
            Assert.That(JsonNode.Parse(JsonSerializer.Serialize(number))!.GetValue<string>(), Is.EqualTo("+918047490924"));
            Assert.That(JsonSerializer.Deserialize<PhoneNumber>("\"080 4749 0924\""), Is.EqualTo(number));
            Assert.That(JsonSerializer.Serialize(new[] { number }, Relaxed), Is.EqualTo("[\"+918047490924\"]"));
            Assert.That(JsonSerializer.Serialize(byNumber, Relaxed), Is.EqualTo("{\"+918047490924\":\"front desk\"}"));
            Assert.That(JsonSerializer.Deserialize<Dictionary<PhoneNumber, string>>("{\"08047490924\":\"front desk\"}")!.Single().Key, Is.EqualTo(number));
            Assert.That(() => JsonSerializer.Deserialize<PhoneNumber>("\"8047490924\""),
                Throws.TypeOf<JsonException>().With.Message.Contains("'8047490924' is not a phone number: 10 digits with no prefix"));
            Assert.That(() => JsonSerializer.Deserialize<PhoneNumber>("918047490924"), Throws.TypeOf<JsonException>().With.Message.Contains("JSON string"));
            Assert.That(JsonSerializer.Deserialize<PhoneNumber?>("null"), Is.Null);
        });
    }

    // The internal comparison every call site uses: the policy when both sides read as numbers, digits otherwise.
    [TestCase("+918047490924", "08047490924", true)]
    [TestCase("918047490924", "+91 80 4749 0924", true)]
    [TestCase("00918047490924", "08047490924", true)]
    [TestCase("+14155551234", "14155551234", true)]        // Vapi may write another country's number without its '+'
    [TestCase("+918047490924", "+918047490925", false)]
    [TestCase("+918047490924", null, false)]
    [TestCase(null, null, false)]
    public void Call_sites_compare_numbers_in_any_form(string? a, string? b, bool same)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PhoneNumberText.Same(a, b), Is.EqualTo(same));
            Assert.That(PhoneNumberText.Same(b, a), Is.EqualTo(same));
        });
    }

    [TestCase("08047490924", "+918047490924")]
    [TestCase("+91 80 4749 0924", "+918047490924")]
    [TestCase("not a number", "not a number")]
    [TestCase(null, null)]
    public void Configured_numbers_are_normalised_to_E164_when_they_read_as_numbers(string? configured, string? expected)
    {
        Assert.That(PhoneNumberText.ToE164(configured), Is.EqualTo(expected));
    }
}
