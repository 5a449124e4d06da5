using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Security;

/// <summary>The SDK logs path templates; the factory's default loggers (full URLs, raw exceptions) are removed.</summary>
public class LoggingTests
{
    [Test]
    public async Task Ending_a_call_logs_no_control_url_and_the_factory_loggers_are_off()
    {
        using var host = new VapiTestHost();
        const string controlUrl = "https://phone-call-websocket.example.vapi.ai/secret-capability-1234/control";
        host.Mock.Expect(HttpMethod.Post, controlUrl).Respond("application/json", "{}");

        await host.Client.Calls.EndAsync(new Uri(controlUrl));

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(host.Logs.Lines, Has.Some.Contains("Vapi POST {controlUrl} answered 200"));
            Assert.That(host.Logs.Lines, Has.None.Contains("secret-capability-1234"));
            Assert.That(host.Logs.Lines, Has.None.Contains("System.Net.Http.HttpClient"));
        });
    }
}
