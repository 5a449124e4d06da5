using System.Net;
using System.Text;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Errors;

public class BodyDecodingTests
{
    [Test]
    public void A_proxy_page_with_a_bogus_charset_still_becomes_a_VapiException()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId).Respond(_ =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes("<html>Bad gateway</html>"));
            content.Headers.TryAddWithoutValidation("Content-Type", "text/html; charset=\"utf-8x\"");
            return new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = content };
        });

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.That(ex.Status, Is.EqualTo(502));
        Assert.That(ex.RawBody, Does.Contain("Bad gateway"));
    }
}
