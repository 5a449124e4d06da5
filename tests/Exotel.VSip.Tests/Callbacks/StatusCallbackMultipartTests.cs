using System.Text;

namespace Exotel.VSip.Tests.Callbacks;

/// <summary>Status callbacks posted as <c>multipart/form-data</c>, Exotel's default encoding.</summary>
public sealed class StatusCallbackMultipartTests
{
    private const string Boundary = "----ExotelBoundary7MA4YWxkTrZu0gW";

    private static readonly (string Name, string Value)[] TerminalFields =
    [
        ("CallSid", "80bfbec2d78bbbf10fb851f4fa165211"),
        ("EventType", "terminal"),
        ("DateCreated", "2024-01-15 14:25:10"),
        ("DateUpdated", "2024-01-15 14:30:45"),
        ("To", "09123456789"),
        ("From", "09876543210"),
        ("PhoneNumberSid", "0XXXXXX4890"),
        ("StartTime", "2024-01-15 14:25:12"),
        ("EndTime", "2024-01-15 14:30:45"),
        ("Status", "completed"),
        ("ConversationDuration", "320"),
        ("Direction", "outbound-api"),
        ("CustomField", "order_12345"),
        ("RecordingUrl", "https://s3-ap-southeast-1.amazonaws.com/recordings/abc123.mp3"),
        ("Legs[0][OnCallDuration]", "335"),
        ("Legs[0][Status]", "completed"),
        ("Legs[0][AnsweredBy]", "NA"),
        ("Legs[1][OnCallDuration]", "320"),
        ("Legs[1][Status]", "completed"),
        ("Legs[1][AnsweredBy]", "HUMAN"),
    ];

    /// <summary>A multipart body as browsers, curl and most servers write it: quoted names, CRLF line ends.</summary>
    private static string Multipart(IEnumerable<(string Name, string Value)> fields, string newline = "\r\n", string boundary = Boundary)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            sb.Append("--").Append(boundary).Append(newline)
                .Append("Content-Disposition: form-data; name=\"").Append(name).Append('"').Append(newline)
                .Append(newline)
                .Append(value).Append(newline);
        }

        return sb.Append("--").Append(boundary).Append("--").Append(newline).ToString();
    }

    private static Task<ExotelStatusCallback> ParseAsync(string body, string contentType) =>
        ExotelStatusCallbackParser.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), contentType);

    [Test]
    public async Task ParseAsync_reads_a_multipart_terminal_callback()
    {
        var callback = await ParseAsync(Multipart(TerminalFields), "multipart/form-data; boundary=" + Boundary);

        StatusCallbackJsonTests.AssertTerminalCallback(callback);
    }

    [Test]
    public async Task ParseAsync_reads_a_multipart_body_with_a_quoted_boundary_and_a_preamble()
    {
        var body = "This is the preamble.\r\n" + Multipart(TerminalFields, boundary: "simple boundary");

        var callback = await ParseAsync(body, "Multipart/Form-Data; charset=utf-8; boundary=\"simple boundary\"");

        StatusCallbackJsonTests.AssertTerminalCallback(callback);
    }

    [Test]
    public async Task ParseAsync_reads_a_multipart_body_with_bare_LF_line_ends()
    {
        var callback = await ParseAsync(Multipart(TerminalFields, newline: "\n"), "multipart/form-data; boundary=" + Boundary);

        StatusCallbackJsonTests.AssertTerminalCallback(callback);
    }

    [Test]
    public async Task ParseAsync_reads_empty_values_as_absent_and_keeps_line_breaks_inside_a_value()
    {
        var callback = await ParseAsync(
            Multipart([("CallSid", "m1"), ("RecordingUrl", ""), ("EventType", ""), ("Direction", " "), ("CustomField", "line one\r\nline two"), ("Status", "['completed']")]),
            "multipart/form-data; boundary=" + Boundary);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.CallSid, Is.EqualTo("m1"));
            Assert.That(callback.RecordingUrl, Is.Null, "an empty field is an absent value");
            Assert.That(callback.EventType, Is.Null, "an empty event is no event, not an empty one");
            Assert.That(callback.Direction, Is.Null);
            Assert.That(callback.CustomField, Is.EqualTo("line one\r\nline two"));
            Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.Completed), "wrapped values are unwrapped in multipart bodies too");
        }
    }

    [Test]
    public async Task ParseAsync_reads_multipart_parts_that_carry_their_own_headers()
    {
        var body = "--" + Boundary + "\r\n"
                   + "Content-Disposition: form-data; name=\"CallSid\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nh1\r\n"
                   + "--" + Boundary + "\r\n"
                   + "Content-Type: text/plain\r\nContent-Disposition: form-data; name=\"Status\"\r\n\r\nbusy\r\n"
                   + "--" + Boundary + "--\r\n";

        var callback = await ParseAsync(body, "multipart/form-data; boundary=" + Boundary);

        Assert.That(callback.CallSid, Is.EqualTo("h1"));
        Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.Busy));
    }

    [Test]
    public async Task ParseAsync_reads_a_body_written_by_dotnets_MultipartFormDataContent()
    {
        // Also a valid encoding (RFC 7578 allows a token as the name): .NET writes name=CallSid without quotes.
        using var content = new MultipartFormDataContent(Boundary);
        content.Add(new StringContent("d1"), "CallSid");
        content.Add(new StringContent("completed"), "Status");
        content.Add(new StringContent("335"), "Legs[0][OnCallDuration]");
        var body = await content.ReadAsStringAsync();

        var callback = await ParseAsync(body, content.Headers.ContentType!.ToString());

        Assert.That(callback.CallSid, Is.EqualTo("d1"));
        Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.Completed));
        Assert.That(callback.Legs.Single().OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(335)));
    }

    [Test]
    public void ParseAsync_rejects_multipart_without_a_boundary()
    {
        var ex = Assert.ThrowsAsync<FormatException>(() => ParseAsync(Multipart(TerminalFields), "multipart/form-data"))!;

        Assert.That(ex.Message, Does.Contain("boundary"));
    }

    [Test]
    public void ParseAsync_rejects_multipart_without_CallSid()
    {
        var ex = Assert.ThrowsAsync<FormatException>(() =>
            ParseAsync(Multipart(TerminalFields.Where(f => f.Name != "CallSid")), "multipart/form-data; boundary=" + Boundary))!;

        Assert.That(ex.Message, Does.Contain("CallSid"));
    }

    [Test]
    public void ParseAsync_rejects_multipart_whose_boundary_does_not_match_the_header()
    {
        Assert.ThrowsAsync<FormatException>(() => ParseAsync(Multipart(TerminalFields), "multipart/form-data; boundary=SomethingElse"));
    }
}
