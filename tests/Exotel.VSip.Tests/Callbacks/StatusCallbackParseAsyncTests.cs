using System.Text;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Callbacks;

/// <summary><see cref="ExotelStatusCallbackParser.ParseAsync"/>: choosing the encoding by content type, and the size limit.</summary>
public sealed class StatusCallbackParseAsyncTests
{
    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("APPLICATION/JSON")]
    [TestCase(null)]
    [TestCase("text/plain")]
    [TestCase("not a content type")]
    public async Task ParseAsync_reads_a_JSON_body(string? contentType)
    {
        using var body = Utf8(Fixtures.Read("status-callback.json"));

        var callback = await ExotelStatusCallbackParser.ParseAsync(body, contentType);

        StatusCallbackJsonTests.AssertTerminalCallback(callback);
    }

    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/x-www-form-urlencoded; charset=UTF-8")]
    [TestCase(null)]
    [TestCase("")]
    public async Task ParseAsync_reads_a_url_encoded_body(string? contentType)
    {
        using var body = Utf8(Fixtures.Read("callback-terminal.form").TrimEnd());

        var callback = await ExotelStatusCallbackParser.ParseAsync(body, contentType);

        StatusCallbackJsonTests.AssertTerminalCallback(callback);
    }

    [Test]
    public void ParseAsync_follows_the_content_type_rather_than_guessing()
    {
        // A form body declared as JSON is not valid JSON: it must fail, not be silently read as a form.
        using var body = Utf8("CallSid=c1&Status=completed");

        Assert.ThrowsAsync<FormatException>(() => ExotelStatusCallbackParser.ParseAsync(body, "application/json"));
    }

    [Test]
    public async Task ParseAsync_decodes_the_body_as_UTF8()
    {
        using var body = Utf8("""{"CallSid":"u1","CustomField":"नमस्ते – ok"}""");

        var callback = await ExotelStatusCallbackParser.ParseAsync(body, "application/json");

        Assert.That(callback.CustomField, Is.EqualTo("नमस्ते – ok"));
    }

    [Test]
    public async Task ParseAsync_reads_a_body_of_exactly_MaxBodyBytes()
    {
        var json = PaddedJson(ExotelStatusCallbackParser.MaxBodyBytes);
        using var body = new MemoryStream(json);

        var callback = await ExotelStatusCallbackParser.ParseAsync(body, "application/json");

        Assert.That(callback.CallSid, Is.EqualTo("big1"));
    }

    [Test]
    public void ParseAsync_rejects_a_body_larger_than_MaxBodyBytes()
    {
        var json = PaddedJson(ExotelStatusCallbackParser.MaxBodyBytes + 1);
        using var body = new MemoryStream(json);

        var ex = Assert.ThrowsAsync<FormatException>(() => ExotelStatusCallbackParser.ParseAsync(body, "application/json"))!;

        Assert.That(ex.Message, Does.Contain(ExotelStatusCallbackParser.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void ParseAsync_stops_reading_an_endless_body()
    {
        using var body = new EndlessStream();

        Assert.ThrowsAsync<FormatException>(() => ExotelStatusCallbackParser.ParseAsync(body, "application/x-www-form-urlencoded"));
        Assert.That(body.BytesRead, Is.LessThanOrEqualTo(ExotelStatusCallbackParser.MaxBodyBytes + 8192), "reading stops soon after the limit");
    }

    [Test]
    public void ParseAsync_rejects_a_body_without_CallSid()
    {
        using var body = Utf8("Status=completed&EventType=terminal");

        Assert.ThrowsAsync<FormatException>(() => ExotelStatusCallbackParser.ParseAsync(body, "application/x-www-form-urlencoded"));
    }

    [Test]
    public void ParseAsync_rejects_a_null_stream()
    {
        var ex = Assert.ThrowsAsync<ArgumentNullException>(() => ExotelStatusCallbackParser.ParseAsync(null!, "application/json"))!;

        Assert.That(ex.ParamName, Is.EqualTo("body"));
    }

    [Test]
    public void ParseAsync_honours_cancellation()
    {
        using var body = Utf8(Fixtures.Read("status-callback.json"));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(
            async () => await ExotelStatusCallbackParser.ParseAsync(body, "application/json", cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>A JSON callback padded with white space to exactly <paramref name="size"/> UTF-8 bytes.</summary>
    private static byte[] PaddedJson(int size)
    {
        const string json = """{"CallSid":"big1","Status":"completed"}""";
        var bytes = Encoding.UTF8.GetBytes(json + new string(' ', size - json.Length));
        Assert.That(bytes, Has.Length.EqualTo(size));
        return bytes;
    }

    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill((byte)'a');
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
