using System.Text.Json.Nodes;
using VapiExotel.Sandbox.Hosting;
using VapiExotel.Shared;

namespace VapiExotel.Sandbox.Vapi;

/// <summary>A Vapi call: its timeline of statuses on the sandbox clock, fixed when it is created (or ended early).</summary>
internal sealed class VapiCallRecord
{
    public required string Id { get; init; }

    public DateTimeOffset Created { get; init; }

    public long Sequence { get; init; }

    /// <summary>The create request's fields, echoed back as Vapi does.</summary>
    public required JsonObject Fields { get; init; }

    public required List<(DateTimeOffset At, string Status)> Timeline { get; init; }

    public required string EndedReason { get; set; }

    public string? Name { get; set; }

    public Uri? ServerUrl { get; init; }

    public IReadOnlyDictionary<string, string> ServerHeaders { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public int ServerAttempts { get; init; } = 1;

    /// <summary>How many timeline entries have been reported to the server so far.</summary>
    public int Reported { get; set; }

    public bool Deleted { get; set; }

    /// <summary>The latest entry at <paramref name="now"/> (the first entry is the call's creation, never later than any read).</summary>
    public (DateTimeOffset At, string Status) At(DateTimeOffset now) => Timeline.LastOrDefault(e => e.At <= now, Timeline[0]);

    public DateTimeOffset? When(string status) => Timeline.Exists(e => e.Status == status) ? Timeline.First(e => e.Status == status).At : null;

    public bool IsActive(DateTimeOffset now) => At(now).Status is "queued" or "ringing" or "in-progress";
}

// Calls: create (one customer or a batch), read, list, rename, delete, end through the control URL.
internal sealed partial class VapiEmulator
{
    private SandboxResponse CreateCall(SandboxHttpRequest request, RouteValues values)
    {
        var body = Body(request, VapiSchemas.CreateCall);
        var fields = WithoutNulls(body);
        var targets = CallTargets.Count(fields.ContainsKey);
        if (targets != 1)
        {
            throw new VapiError(400, "Exactly one of customer, customers or customerId must be set.");
        }

        if (fields.ContainsKey("customerId"))
        {
            throw new VapiError(400, "Couldn't Get Customer. The sandbox has no saved customers; send customer instead.");
        }

        var phoneNumber = ResolvePhoneNumber(fields);
        ResolveAssistant(fields, phoneNumber);
        var customers = fields["customers"] is JsonArray list ? list.Select(c => (JsonObject)c!).ToList() : [(JsonObject)fields["customer"]!];
        var results = new List<JsonObject>();
        var errors = new List<JsonObject>();
        foreach (var customer in customers)
        {
            if (CustomerProblem(customer) is { } problem)
            {
                if (fields.ContainsKey("customer"))
                {
                    throw new VapiError(400, problem);
                }

                errors.Add(new JsonObject { ["customer"] = customer.DeepClone(), ["error"] = problem });
                continue;
            }

            var call = NewCall(request, fields, customer, phoneNumber);
            Calls.Add(call);
            results.Add(CallJson(call, request.Now));
        }

        var limits = SubscriptionLimits(request.Now, results.Count > 0 && results[^1]["endedReason"]?.ToString() == ConcurrencyReason);
        if (fields.ContainsKey("customer"))
        {
            var single = results[0];
            var response = new JsonObject { ["subscriptionLimits"] = limits };
            foreach (var (name, value) in single)
            {
                response[name] = value?.DeepClone();
            }

            return Answer(201, response);
        }

        return Answer(201, new JsonObject
        {
            ["results"] = new JsonArray([.. results]),
            ["errors"] = new JsonArray([.. errors]),
            ["subscriptionLimits"] = limits,
        });
    }

    private static readonly string[] CallTargets = ["customer", "customers", "customerId"];
    private static readonly string[] CallAnswerers = ["assistantId", "assistant", "squadId", "squad", "workflowId", "workflow"];

    private const string ConcurrencyReason = "call.start.error-subscription-concurrency-limit-reached";

    private VapiResourceRecord ResolvePhoneNumber(JsonObject fields)
    {
        if (fields.ContainsKey("phoneNumber"))
        {
            throw new VapiError(400, "The sandbox places calls only from a saved phone number; send phoneNumberId instead of phoneNumber.");
        }

        var id = (string?)fields["phoneNumberId"] ?? throw new VapiError(400, "Need Either `phoneNumberId` Or `phoneNumber`.");
        return PhoneNumbers.Find(p => p.Id == id) ?? throw new VapiError(400, $"Couldn't Get Phone Number. `phoneNumberId` {id} Does Not Exist.");
    }

    private void ResolveAssistant(JsonObject fields, VapiResourceRecord phoneNumber)
    {
        var who = CallAnswerers.Where(fields.ContainsKey).ToList();
        if (who.Count > 1)
        {
            throw new VapiError(400, $"Only one of assistantId, assistant, squadId, squad, workflowId or workflow may be set; got {string.Join(", ", who)}.");
        }

        if (fields.ContainsKey("assistantVersion") && !fields.ContainsKey("assistantId"))
        {
            throw new VapiError(400, "assistantVersion is valid only with assistantId.");
        }

        if (who.Count == 0 && phoneNumber.Fields["assistantId"] is null)
        {
            throw new VapiError(400, "Couldn't Get Assistant. Set assistantId (or assistant, squad or workflow), or give the phone number an assistant.");
        }

        if (who is ["squadId" or "workflowId"])
        {
            throw new VapiError(400, $"Couldn't Get {who[0][..^2]}. `{who[0]}` {fields[who[0]]} Does Not Exist. (The sandbox has no squads or workflows.)");
        }

        if ((string?)fields["assistantId"] is { } assistantId && !Assistants.Exists(a => a.Id == assistantId))
        {
            throw new VapiError(400, $"Couldn't Get Assistant. `assistantId` {assistantId} Does Not Exist.");
        }
    }

    private static string? CustomerProblem(JsonObject customer)
    {
        if ((string?)customer["number"] is not { } number)
        {
            return customer.ContainsKey("sipUri") ? "The sandbox dials only phone numbers; set customer.number." : "customer.number is required to place a phone call.";
        }

        var e164Check = customer["numberE164CheckEnabled"] is not { } flag || (bool)flag;
        return e164Check && !AddressRules.IsE164(number)
            ? $"Number {number} is not a valid E.164 phone number. Use the format +14155551234, or set numberE164CheckEnabled to false."
            : null;
    }

    private VapiCallRecord NewCall(SandboxHttpRequest request, JsonObject fields, JsonObject customer, VapiResourceRecord phoneNumber)
    {
        var echo = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (name is not ("customers" or "customer"))
            {
                echo[name] = value?.DeepClone();
            }
        }

        echo["customer"] = customer.DeepClone();
        if (!echo.ContainsKey("assistantId") && !echo.ContainsKey("assistant") && phoneNumber.Fields["assistantId"] is { } inherited)
        {
            echo["assistantId"] = inherited.DeepClone();
        }

        var now = request.Now;
        var start = fields["schedulePlan"]?["earliestAt"] is { } earliest && VapiSchemas.TryParseDate((string)earliest!, out var at) && at > now ? at : now;
        var script = _scripts.For((string?)customer["number"]);
        var timeline = new List<(DateTimeOffset, string)>();
        string reason;
        if (start > now)
        {
            timeline.Add((now, "scheduled"));
        }

        if (phoneNumber.Provider == "vapi")
        {
            // Vapi numbers cannot dial out yet: the call ends at once.
            timeline.Add((start, "ended"));
            reason = "call.start.error-get-transport";
        }
        else if (start == now && Calls.Count(c => c.IsActive(now)) >= _options.VapiConcurrencyLimit)
        {
            timeline.Add((start, "ended"));
            reason = ConcurrencyReason;
        }
        else
        {
            timeline.Add((start, "queued"));
            timeline.Add((start + script.QueuedFor, "ringing"));
            var answered = start + script.QueuedFor + script.RingFor;
            if (script.Outcome == SandboxCallOutcome.Answered)
            {
                timeline.Add((answered, "in-progress"));
                timeline.Add((answered + script.TalkFor, "ended"));
            }
            else
            {
                timeline.Add((answered, "ended"));
            }

            reason = script.EffectiveVapiEndedReason;
        }

        var server = phoneNumber.Fields["server"] as JsonObject;
        var serverUrl = (string?)server?["url"] is { } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
        var headers = (server?["headers"] as JsonObject)?
            .Where(h => h.Value is JsonValue)
            .ToDictionary(h => h.Key, h => h.Value!.ToString(), StringComparer.OrdinalIgnoreCase) ?? [];
        var retries = server?["backoffPlan"]?["maxRetries"] is JsonValue r && r.TryGetValue<int>(out var n) ? Math.Clamp(n, 0, 10) : 0;
        return new VapiCallRecord
        {
            Id = Guid.NewGuid().ToString(),
            Created = now,
            Sequence = ++_sequence,
            Fields = echo,
            Name = (string?)fields["name"],
            Timeline = timeline,
            EndedReason = reason,
            ServerUrl = serverUrl,
            ServerHeaders = headers,
            ServerAttempts = retries + 1,
        };
    }

    private JsonObject SubscriptionLimits(DateTimeOffset now, bool blocked)
    {
        // A deleted call that is still live keeps its slot: DELETE erases data, it does not hang up.
        var active = Calls.Count(c => c.IsActive(now));
        return new JsonObject
        {
            ["concurrencyBlocked"] = blocked,
            ["concurrencyLimit"] = _options.VapiConcurrencyLimit,
            ["remainingConcurrentCalls"] = Math.Max(0, _options.VapiConcurrencyLimit - active),
        };
    }

    private VapiCallRecord FindCall(RouteValues values)
    {
        var id = UuidFrom(values);
        return Calls.Find(c => c.Id == id && !c.Deleted) ?? throw VapiError.NotFound("Call");
    }

    private SandboxResponse ListCalls(SandboxHttpRequest request, RouteValues values)
    {
        var (limit, keep) = ListFilter(request, VapiSchemas.ListQuery("id", "assistantId", "phoneNumberId"));
        var id = request.QueryValue("id");
        var assistantId = request.QueryValue("assistantId");
        var phoneNumberId = request.QueryValue("phoneNumberId");
        var page = Calls
            .Where(c => !c.Deleted)
            .Where(c => id is null || c.Id == id)
            .Where(c => assistantId is null || (string?)c.Fields["assistantId"] == assistantId)
            .Where(c => phoneNumberId is null || (string?)c.Fields["phoneNumberId"] == phoneNumberId)
            .Where(c => keep(c.Created, c.At(request.Now).At))
            .OrderByDescending(c => c.Created)
            .ThenByDescending(c => c.Sequence)
            .Take(limit)
            .Select(c => (JsonNode)CallJson(c, request.Now));
        return Answer(200, new JsonArray([.. page]));
    }

    private SandboxResponse UpdateCall(SandboxHttpRequest request, RouteValues values)
    {
        var call = FindCall(values);
        var body = Body(request, VapiSchemas.UpdateCall);
        if (body.ContainsKey("name"))
        {
            call.Name = (string?)body["name"];
        }

        return Answer(200, CallJson(call, request.Now));
    }

    private SandboxResponse DeleteCall(SandboxHttpRequest request, RouteValues values)
    {
        // Deletes the call's data; it does not hang up a live call (only the control URL does).
        var call = FindCall(values);
        var json = CallJson(call, request.Now);
        call.Deleted = true;
        return Answer(200, json);
    }

    private SandboxResponse Control(SandboxHttpRequest request, RouteValues values)
    {
        var call = Calls.Find(c => c.Id == values["id"]) ?? throw VapiError.NotFound("Call");
        JsonObject? body;
        try
        {
            body = request.Body.Length == 0 ? null : JsonNode.Parse(request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        var type = (string?)body?["type"];
        switch (type)
        {
            case "end-call":
                var now = request.Now;
                if (call.IsActive(now) || call.At(now).Status == "scheduled")
                {
                    call.Timeline.RemoveAll(e => e.At > now);
                    call.Timeline.Add((now, "ended"));
                    call.EndedReason = "manually-canceled";
                }

                return Answer(200, new JsonObject());
            case "say" or "add-message" or "control" or "transfer":
                return Answer(200, new JsonObject());
            default:
                throw new VapiError(400, "type must be one of the following values: end-call, say, add-message, control, transfer");
        }
    }

    /// <summary>The call as Vapi shows it at <paramref name="now"/>.</summary>
    private JsonObject CallJson(VapiCallRecord call, DateTimeOffset now)
    {
        var (changed, status) = call.At(now);
        var json = new JsonObject
        {
            ["id"] = call.Id,
            ["orgId"] = OrgId,
            ["type"] = "outboundPhoneCall",
            ["createdAt"] = Iso(call.Created),
            ["updatedAt"] = Iso(changed),
            ["status"] = status,
        };
        foreach (var (name, value) in call.Fields)
        {
            if (name != "name")
            {
                json[name] = value?.DeepClone();
            }
        }

        if (call.Name is not null)
        {
            json["name"] = call.Name;
        }

        json["phoneCallTransport"] = "sip";
        json["phoneCallProvider"] = "vapi";
        var monitor = new Uri(BaseAddress ?? new Uri("http://127.0.0.1/"), $"{ControlPrefix.TrimStart('/')}{call.Id}/");
        json["monitor"] = new JsonObject
        {
            ["listenUrl"] = "ws://" + monitor.Authority + monitor.AbsolutePath + "listen",
            ["controlUrl"] = monitor.AbsoluteUri + "control",
        };
        if (call.When("in-progress") is { } started && started <= now)
        {
            json["startedAt"] = Iso(started);
        }

        if (status == "ended")
        {
            var talk = call.When("in-progress") is { } s ? changed - s : TimeSpan.Zero;
            json["endedAt"] = Iso(changed);
            json["endedReason"] = call.EndedReason;
            json["cost"] = Math.Round(Math.Ceiling(talk.TotalSeconds) * 0.0015, 4);
        }

        return json;
    }

    /// <summary>The Vapi base address calls were placed through, for the control URL; set by the engine.</summary>
    public Uri? BaseAddress { get; set; }

    public List<JsonObject> CallSnapshots(DateTimeOffset now) => [.. Calls.Where(c => !c.Deleted).Select(c => CallJson(c, now))];

    public void Progress(DateTimeOffset now, List<SandboxCallback> outbox)
    {
        foreach (var call in Calls)
        {
            if (call.ServerUrl is null)
            {
                continue;
            }

            while (call.Reported < call.Timeline.Count && call.Timeline[call.Reported].At <= now)
            {
                var (at, status) = call.Timeline[call.Reported++];
                var snapshot = CallJson(call, at);
                var message = new JsonObject { ["type"] = "status-update", ["status"] = status };
                if (status == "ended")
                {
                    message["endedReason"] = call.EndedReason;
                }

                message["call"] = snapshot;
                message["timestamp"] = at.ToUnixTimeMilliseconds();
                outbox.Add(ServerMessage(call, "status-update", message, at));
                if (status == "ended")
                {
                    // The final record comes after the final status update.
                    var report = new JsonObject
                    {
                        ["type"] = "end-of-call-report",
                        ["endedReason"] = call.EndedReason,
                        ["call"] = snapshot.DeepClone(),
                        ["startedAt"] = snapshot["startedAt"]?.DeepClone(),
                        ["endedAt"] = snapshot["endedAt"]?.DeepClone(),
                        ["cost"] = snapshot["cost"]?.DeepClone(),
                        ["artifact"] = new JsonObject { ["transcript"] = string.Empty, ["messages"] = new JsonArray() },
                        ["analysis"] = new JsonObject(),
                        ["timestamp"] = at.ToUnixTimeMilliseconds(),
                    };
                    outbox.Add(ServerMessage(call, "end-of-call-report", report, at));
                }
            }
        }
    }

    private static SandboxCallback ServerMessage(VapiCallRecord call, string type, JsonObject message, DateTimeOffset at) =>
        new(SandboxApi.Vapi, type, call.ServerUrl!, "application/json", SandboxResponse.Serialize(new JsonObject { ["message"] = message }), call.ServerHeaders, call.ServerAttempts, at);
}
