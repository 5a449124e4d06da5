using System.Text.Json.Nodes;
using Exotel.VSip;
using Microsoft.Extensions.DependencyInjection;
using Vapi.Client;
using VapiExotel.Integration.Tests.Integrator.Operations;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.SafeCalls;

/// <summary>
/// Safe calls against the sandbox: a call-creating POST that times out or loses its connection, before or after the
/// service acted, is looked up by its correlation id and reported placed, not placed or unknown; it is sent again only
/// when proven not placed and asked to.
/// </summary>
public sealed class SafeCallTests : IntegratorScenario
{
    private const string Customer = "+919876543210";
    private const string CallPath = "/call";
    private const string ConnectPath = "/v1/Accounts/*/Calls/connect.json";

    private static readonly SafeCallOptions NoRetry = new() { SettleDelay = TimeSpan.Zero };
    private static readonly SafeCallOptions Retry = new() { SettleDelay = TimeSpan.Zero, RetryWhenProvenNotPlaced = true };

    [SetUp]
    public void ShortTimeouts()
    {
        // A hanging request costs a fraction of a second, not the default ten.
        Settings["VapiExotel:Vapi:Resilience:AttemptTimeout"] = "00:00:00.250";
        Settings["VapiExotel:Exotel:Resilience:AttemptTimeout"] = "00:00:00.250";
    }

    /// <summary>An integrator whose clock reads the sandbox's (manual) clock, so that "since the attempt" means the sandbox's time.</summary>
    private IVapiExotelIntegrator SafeIntegrator() => Integrator(services => services.AddSingleton<TimeProvider>(new SandboxTime(Sandbox)));

    private async Task<IVapiExotelIntegrator> SetUpAsync()
    {
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();
        return SafeIntegrator();
    }

    private List<SandboxRequest> Posts(string pathPart) =>
        Sandbox.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith(pathPart, StringComparison.Ordinal)).ToList();

    private SandboxFaultRule Fault(SandboxApi api, string path, SandboxFault fault, bool afterProcessing, int? times = 1) =>
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = fault, Api = api, Method = "POST", Path = path, AfterProcessing = afterProcessing, Times = times });

    private static string? CustomFieldOf(SandboxRequest post) =>
        post.BodyText.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == "CustomField").Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' '))).SingleOrDefault();

    [Test]
    public async Task Without_a_fault_the_call_is_placed_once_and_carries_its_correlation_id_in_its_name()
    {
        var integrator = await SetUpAsync();

        var placement = await integrator.PlaceAssistantCallAsync(new AssistantCallRequest(Customer) { Name = "renewal" }, NoRetry);

        var stored = Sandbox.Vapi.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.Placed));
            Assert.That(placement.Attempts, Is.EqualTo(1));
            Assert.That(placement.Error, Is.Null);
            Assert.That(placement.CorrelationId, Does.Match("^vx-[0-9a-f]{12}$"));
            Assert.That((string?)stored["name"], Is.EqualTo($"renewal [{placement.CorrelationId}]"));
            Assert.That(placement.Call?.Id, Is.EqualTo((string)stored["id"]!));
            Assert.That(CallCorrelation.Find(placement.Call?.Name), Is.EqualTo(placement.CorrelationId));
            Assert.That(CallCorrelation.Strip(placement.Call?.Name), Is.EqualTo("renewal"));
        });
    }

    [Test]
    public async Task A_vapi_create_that_timed_out_after_vapi_acted_is_found_placed_and_not_sent_again()
    {
        var integrator = await SetUpAsync();
        Fault(SandboxApi.Vapi, CallPath, SandboxFault.Timeout(), afterProcessing: true);

        var placement = await integrator.PlaceAssistantCallAsync(new AssistantCallRequest(Customer), Retry);

        var stored = Sandbox.Vapi.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.Placed), placement.Message);
            Assert.That(placement.Call?.Id, Is.EqualTo((string)stored["id"]!));
            Assert.That((string?)stored["name"], Is.EqualTo(placement.CorrelationId), "the bare id when the caller gave no name");
            Assert.That(placement.Error, Is.InstanceOf<VapiException>().With.Property(nameof(VapiException.IsOutcomeUnknown)).True);
            Assert.That(placement.Attempts, Is.EqualTo(1));
            Assert.That(Posts(CallPath), Has.Count.EqualTo(1), "found, so never sent again");
            Assert.That(placement.Message, Does.Contain("Do not dial again"));
            Assert.That(Sandbox.Requests.Any(r => r.Method == "GET" && r.Path == CallPath && r.Query.Contains("createdAtGt", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task A_vapi_create_whose_connection_dropped_before_vapi_acted_is_proven_not_placed_and_not_retried_by_default()
    {
        var integrator = await SetUpAsync();
        Fault(SandboxApi.Vapi, CallPath, SandboxFault.DropConnection(), afterProcessing: false);

        var placement = await integrator.PlaceAssistantCallAsync(new AssistantCallRequest(Customer), NoRetry);

        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.NotPlaced), placement.Message);
            Assert.That(placement.Call, Is.Null);
            Assert.That(placement.Error, Is.InstanceOf<VapiException>());
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
            Assert.That(Posts(CallPath), Has.Count.EqualTo(1));
            Assert.That(placement.Message, Does.Contain("safe to place it again"));
        });
    }

    [Test]
    public async Task Retry_when_proven_not_placed_places_exactly_one_call_with_the_same_correlation_id()
    {
        var integrator = await SetUpAsync();
        Fault(SandboxApi.Vapi, CallPath, SandboxFault.Timeout(), afterProcessing: false);

        var placement = await integrator.PlaceAssistantCallAsync(new AssistantCallRequest(Customer) { Name = "a label long enough to be shortened" }, Retry);

        var posts = Posts(CallPath);
        var names = posts.Select(p => (string?)JsonNode.Parse(p.BodyText)!["name"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.Placed), placement.Message);
            Assert.That(placement.Attempts, Is.EqualTo(2));
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(1), "exactly one call");
            Assert.That(posts, Has.Count.EqualTo(2));
            Assert.That(names.Distinct().ToList(), Is.EqualTo(new[] { $"a label long enough t… [{placement.CorrelationId}]" }), "the same name both times");
            Assert.That(names[0]!, Has.Length.LessThanOrEqualTo(40));
        });
    }

    [Test]
    public async Task A_failing_lookup_leaves_the_outcome_unknown_and_nothing_is_sent_again()
    {
        var integrator = await SetUpAsync();
        Fault(SandboxApi.Vapi, CallPath, SandboxFault.Timeout(), afterProcessing: false);
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(503), Api = SandboxApi.Vapi, Method = "GET", Path = CallPath });

        var placement = await integrator.PlaceAssistantCallAsync(new AssistantCallRequest(Customer), Retry);

        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.Unknown), placement.Message);
            Assert.That(placement.Message, Does.Contain("lookup failed").And.Contain(placement.CorrelationId));
            Assert.That(Posts(CallPath), Has.Count.EqualTo(1), "unknown is never retried");
            Assert.That(placement.ToString(), Does.StartWith("Unknown vx-"));
        });
    }

    [Test]
    public async Task An_exotel_connect_that_timed_out_after_exotel_acted_is_found_placed_with_the_id_in_its_custom_field()
    {
        var integrator = SafeIntegrator();
        Fault(SandboxApi.Exotel, ConnectPath, SandboxFault.Timeout(), afterProcessing: true);
        var request = new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone) { CustomField = "order-42" };

        var placement = await integrator.PlaceConnectCallAsync(request, Retry);

        var stored = Sandbox.Exotel.Calls.Single();
        var post = Posts("/Calls/connect.json").Single();
        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.Placed), placement.Message);
            Assert.That(placement.Call?.Sid, Is.EqualTo((string)stored["Sid"]!));
            Assert.That(placement.Error, Is.InstanceOf<ExotelException>().With.Property(nameof(ExotelException.IsOutcomeUnknown)).True);
            Assert.That(CustomFieldOf(post), Is.EqualTo($"order-42 [{placement.CorrelationId}]"));
            Assert.That(request.CustomField, Is.EqualTo("order-42"), "the caller's request is not changed");
            Assert.That(placement.Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_exotel_connect_dropped_before_exotel_acted_is_retried_once_when_asked_and_places_one_call()
    {
        var integrator = SafeIntegrator();
        Fault(SandboxApi.Exotel, ConnectPath, SandboxFault.DropConnection(), afterProcessing: false);

        var placement = await integrator.PlaceConnectCallAsync(new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone), Retry);

        var posts = Posts("/Calls/connect.json");
        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.Placed), placement.Message);
            Assert.That(placement.Attempts, Is.EqualTo(2));
            Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(1));
            Assert.That(posts.Select(CustomFieldOf), Is.EqualTo(new[] { placement.CorrelationId, placement.CorrelationId }));
        });
    }

    [Test]
    public async Task An_exotel_flow_call_that_timed_out_before_exotel_acted_is_proven_not_placed()
    {
        var integrator = SafeIntegrator();
        Fault(SandboxApi.Exotel, ConnectPath, SandboxFault.Timeout(), afterProcessing: false);

        var placement = await integrator.PlaceFlowCallAsync(new ConnectToFlowRequest("+919876500001", ExoPhone, "254321"), NoRetry);

        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.NotPlaced), placement.Message);
            Assert.That(Sandbox.Exotel.Calls, Is.Empty);
            Assert.That(Posts("/Calls/connect.json"), Has.Count.EqualTo(1));
            Assert.That(Sandbox.Requests.Any(r => r.Method == "GET" && r.Query.Contains("DateCreated", StringComparison.Ordinal)), Is.True, "looked up by date");
        });
    }

    [Test]
    [TestCase(true)]
    [TestCase(false)]
    public async Task An_earlier_exotel_call_between_the_same_numbers_is_never_taken_for_this_one(bool afterProcessing)
    {
        var integrator = SafeIntegrator();
        var earlier = await Direct.Exotel(Sandbox).Calls.ConnectAsync(new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone));
        Fault(SandboxApi.Exotel, ConnectPath, SandboxFault.Timeout(), afterProcessing: afterProcessing);

        var placement = await integrator.PlaceConnectCallAsync(new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone));

        Assert.Multiple(() =>
        {
            // The calls between these numbers are listed before sending: only one that was not there before is this one.
            Assert.That(placement.Outcome, Is.EqualTo(afterProcessing ? CallPlacementOutcome.Placed : CallPlacementOutcome.NotPlaced), placement.Message);
            Assert.That(placement.Call?.Sid, afterProcessing ? Is.Not.EqualTo(earlier.Sid).And.Not.Null : Is.Null);
            Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(afterProcessing ? 2 : 1), "never sent again without the option");
        });
    }

    [Test]
    public async Task A_vapi_name_that_still_carries_an_earlier_calls_id_is_retagged_so_a_lost_answer_is_never_dialled_twice()
    {
        await Integrator().SetupAsync();
        var integrator = SafeIntegrator();
        Fault(SandboxApi.Vapi, "/call", SandboxFault.DropConnection(), afterProcessing: true);

        var placement = await integrator.PlaceAssistantCallAsync(new AssistantCallRequest(Customer) { Name = "renewal [vx-0123456789ab]" }, Retry);

        Assert.Multiple(() =>
        {
            Assert.That(placement.Outcome, Is.EqualTo(CallPlacementOutcome.Placed), placement.Message);
            Assert.That(placement.Attempts, Is.EqualTo(1));
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(1), "one call, never a second POST");
            Assert.That((string?)Sandbox.Vapi.Calls.Single()["name"], Is.EqualTo($"renewal [{placement.CorrelationId}]"), "the old tag is replaced, not kept");
        });
    }

    [Test]
    public void A_custom_field_that_leaves_no_room_for_the_id_is_refused_before_anything_is_sent()
    {
        var integrator = SafeIntegrator();
        var request = new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone) { CustomField = new string('x', CallCorrelation.MaxCustomFieldLength + 1) };

        var thrown = Assert.ThrowsAsync<ArgumentException>(() => integrator.PlaceConnectCallAsync(request))!;

        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Does.Contain("CustomField").And.Contain(CallCorrelation.MaxCustomFieldLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Sandbox.Requests, Is.Empty);
        });
    }

    [Test]
    public void Options_out_of_range_are_refused()
    {
        var integrator = SafeIntegrator();

        Assert.ThrowsAsync<ArgumentException>(() => integrator.PlaceConnectCallAsync(
            new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone), new SafeCallOptions { SettleDelay = TimeSpan.FromSeconds(-1) }));
        Assert.That(Sandbox.Requests, Is.Empty);
    }

    [TestCase(null, "vx-0123456789ab")]
    [TestCase("", "vx-0123456789ab")]
    [TestCase("short", "short [vx-0123456789ab]")]
    [TestCase("exactly twenty-two ch", "exactly twenty-two ch [vx-0123456789ab]")]
    [TestCase("exactly twenty-two chr", "exactly twenty-two chr [vx-0123456789ab]")]
    [TestCase("twenty-three characters", "twenty-three characte… [vx-0123456789ab]")]
    public void Vapi_names_keep_the_id_within_forty_characters(string? name, string expected)
    {
        var tagged = CallCorrelation.VapiName(name, "vx-0123456789ab");

        Assert.Multiple(() =>
        {
            Assert.That(tagged, Is.EqualTo(expected));
            Assert.That(tagged, Has.Length.LessThanOrEqualTo(40));
            Assert.That(CallCorrelation.Find(tagged), Is.EqualTo("vx-0123456789ab"));
        });
    }

    [Test]
    public void A_surrogate_pair_is_not_split_when_a_name_is_shortened()
    {
        var tagged = CallCorrelation.VapiName(new string('a', 20) + "😀😀", "vx-0123456789ab");

        Assert.That(tagged, Is.EqualTo(new string('a', 20) + "… [vx-0123456789ab]"));
    }

    [TestCase("plain text", null)]
    [TestCase("vx-0123456789ab", "vx-0123456789ab")]
    [TestCase("order 7 [vx-0123456789ab]", "vx-0123456789ab")]
    [TestCase("order 7 [vx-0123456789AB]", null)]
    [TestCase("order 7 [vx-0123456789a]", null)]
    public void Correlation_ids_are_found_only_in_their_own_form(string text, string? expected) =>
        Assert.That(CallCorrelation.Find(text), Is.EqualTo(expected));

    [Test]
    public void Correlation_ids_are_new_each_time() =>
        Assert.That(Enumerable.Range(0, 50).Select(_ => CallCorrelation.NewId()).Distinct().Count(), Is.EqualTo(50));

    /// <summary>The sandbox's clock as a <see cref="TimeProvider"/>; timers stay real.</summary>
    private sealed class SandboxTime(VapiExotelSandbox sandbox) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => sandbox.Clock.UtcNow;
    }
}
