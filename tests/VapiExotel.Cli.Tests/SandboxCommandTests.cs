using System.Net;
using System.Text.RegularExpressions;

namespace VapiExotel.Cli.Tests;

/// <summary><c>sandbox</c>: serves both APIs on loopback until cancelled (Ctrl+C).</summary>
public sealed partial class SandboxCommandTests : CliTest
{
    [Test]
    public async Task It_serves_on_loopback_until_cancelled_and_then_exits_0()
    {
        using var stop = new CancellationTokenSource();
        var (run, output, error) = Start(["sandbox"], input: null, interactive: false, stop.Token);
        try
        {
            await output.WaitForAsync("Press Ctrl+C", run, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));
        var text = output.ToString();

        Assert.That(exitCode, Is.Zero, error.ToString());
        var exotel = Address("Exotel").Match(text);
        var vapi = Address("Vapi").Match(text);
        Assert.That(exotel.Success && vapi.Success, Is.True, "no addresses in " + text);
        foreach (var address in new[] { new Uri(exotel.Groups["url"].Value), new Uri(vapi.Groups["url"].Value) })
        {
            Assert.That(IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip), Is.True, $"{address} is not loopback");
        }

        Assert.That(exotel.Groups["url"].Value, Is.Not.EqualTo(vapi.Groups["url"].Value));
        var export = text.Split('\n').Single(l => l.TrimStart().StartsWith("export ", StringComparison.Ordinal));
        Assert.That(export.Split(' ', StringSplitOptions.RemoveEmptyEntries), Does.Contain("VapiExotel__Exotel__BaseAddress=" + exotel.Groups["url"].Value)
            .And.Contain("VapiExotel__Vapi__BaseAddress=" + vapi.Groups["url"].Value)
            .And.Contain("VapiExotel__Exotel__AccountSid=sandbox1"));
    }

    [Test]
    public async Task Its_addresses_answer_while_it_runs()
    {
        using var stop = new CancellationTokenSource();
        var (run, output, _) = Start(["sandbox"], input: null, interactive: false, stop.Token);
        HttpStatusCode status;
        Uri exotel;
        try
        {
            await output.WaitForAsync("Press Ctrl+C", run, TimeSpan.FromSeconds(30));
            exotel = new Uri(Address("Exotel").Match(output.ToString()).Groups["url"].Value);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync(new Uri(exotel, "v2/accounts/sandbox1/trunks"));
            status = response.StatusCode;
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.That(await run.WaitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), "the sandbox answered, and asked for its credentials");
        using var after = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.That(async () => await after.GetAsync(exotel), Throws.InstanceOf<HttpRequestException>(), "stopped after the cancellation");
    }

    private static Regex Address(string service) => new($@"^  {service} +(?<url>http://\S+/)", RegexOptions.Multiline);
}
