namespace VapiExotel.Integration;

/// <summary>An AI assistant call to a customer, placed by Vapi through a BYO ExoPhone and Exotel's gateway.</summary>
public sealed class AssistantCallRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="customerNumber">The number to call, in E.164.</param>
    public AssistantCallRequest(string customerNumber) => CustomerNumber = customerNumber;

    /// <summary>The number to call, in E.164 (<c>+919876543210</c>).</summary>
    public string CustomerNumber { get; }

    /// <summary>The ExoPhone to call from (its Vapi BYO phone number); the first configured number when not set.</summary>
    public string? FromNumber { get; set; }

    /// <summary>The assistant that talks; the one bound to <see cref="FromNumber"/> when not set.</summary>
    public string? AssistantId { get; set; }

    /// <summary>A name for the call (at most 40 characters), shown in Vapi's dashboard.</summary>
    public string? Name { get; set; }
}

/// <summary>How to follow a call until it ends: polling with back-off.</summary>
public sealed class CallWaitOptions
{
    /// <summary>The first wait between two polls (1 second by default).</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two polls (15 seconds by default); the wait doubles up to it.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to follow the call at most (2 hours by default); cancel the token to stop earlier.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(2);
}
