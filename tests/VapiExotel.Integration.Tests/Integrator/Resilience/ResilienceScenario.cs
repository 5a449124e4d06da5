using System.Globalization;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Resilience;

/// <summary><see cref="IntegratorScenario"/> with helpers for another sandbox, many numbers, 429s and log events.</summary>
public abstract class ResilienceScenario : IntegratorScenario
{
    /// <summary>The test's settings, pointed at <paramref name="other"/> (its addresses and its seeded assistant).</summary>
    protected Dictionary<string, string?> SettingsFor(VapiExotelSandbox other)
    {
        var copy = new Dictionary<string, string?>(Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["VapiExotel:Exotel:BaseAddress"] = other.ExotelBaseAddress.ToString(),
            ["VapiExotel:Vapi:BaseAddress"] = other.VapiBaseAddress.ToString(),
        };
        var assistant = (string)other.Vapi.Assistants[0]["id"]!;
        foreach (var key in copy.Keys.Where(k => k.EndsWith(":AssistantId", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            copy[key] = assistant;
        }

        return copy;
    }

    /// <summary><paramref name="count"/> (at most 100) distinct ExoPhones: +918047490900, +918047490901, … (the sandbox's default one among them).</summary>
    protected static List<string> Numbers(int count) =>
        Enumerable.Range(0, count).Select(i => "+9180474909" + i.ToString("00", CultureInfo.InvariantCulture)).ToList();

    /// <summary>Binds each of <paramref name="numbers"/> to the seeded assistant, replacing the default binding.</summary>
    protected void BindNumbers(IReadOnlyList<string> numbers)
    {
        for (var i = 0; i < numbers.Count; i++)
        {
            Settings[$"VapiExotel:Numbers:{i}:PhoneNumber"] = numbers[i];
            Settings[$"VapiExotel:Numbers:{i}:AssistantId"] = AssistantId;
        }
    }

    /// <summary>How many answers of the sandbox were HTTP 429 (its own rate limit or an injected one).</summary>
    protected int TooManyRequests() => Sandbox.Requests.Count(r => r.Status == 429);

    /// <summary>The captured log lines with event id <paramref name="eventId"/>.</summary>
    protected List<string> LinesWithEvent(int eventId)
    {
        var marker = $" [{eventId.ToString(CultureInfo.InvariantCulture)}] ";
        return Logs.Lines.Where(l => l.Contains(marker, StringComparison.Ordinal)).ToList();
    }
}
