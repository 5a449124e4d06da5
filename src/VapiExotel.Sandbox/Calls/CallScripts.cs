namespace VapiExotel.Sandbox.Calls;

/// <summary>The scripts set for numbers, matched on the last ten digits so that <c>+919876543210</c> and <c>09876543210</c> are one number.</summary>
internal sealed class CallScripts(SandboxCallScript fallback)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SandboxCallScript> _byNumber = new(StringComparer.Ordinal);

    public static string Key(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        return digits.Length > 10 ? digits[^10..] : digits;
    }

    public void Set(string number, SandboxCallScript script)
    {
        lock (_gate)
        {
            _byNumber[Key(number)] = script;
        }
    }

    /// <summary>The script of the first number that has one (Exotel calls From first), or the default.</summary>
    public SandboxCallScript For(params string?[] numbers)
    {
        lock (_gate)
        {
            foreach (var number in numbers)
            {
                if (number is not null && _byNumber.TryGetValue(Key(number), out var script))
                {
                    return script;
                }
            }

            return fallback;
        }
    }
}
