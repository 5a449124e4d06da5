using System.Text;

namespace Vapi.Client.Tests.Webhooks;

public class ByteOrderMarkTests
{
    [Test]
    public async Task A_body_that_starts_with_a_utf8_byte_order_mark_is_read()
    {
        var json = """{"message":{"type":"status-update","status":"ringing"}}""";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        var fromSpan = VapiServerMessageParser.Parse(bytes);
        await using var stream = new MemoryStream(bytes);
        var fromStream = await VapiServerMessageParser.ParseAsync(stream);

        Assert.That(((VapiStatusUpdateMessage)fromSpan).Status, Is.EqualTo(VapiCallStatus.Ringing));
        Assert.That(((VapiStatusUpdateMessage)fromStream).Status, Is.EqualTo(VapiCallStatus.Ringing));
    }
}
