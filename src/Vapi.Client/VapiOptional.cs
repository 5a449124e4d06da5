namespace Vapi.Client;

/// <summary>
/// A field of an update request: either left alone (the default; nothing is sent) or set, possibly to
/// <see langword="null"/>, which sends an explicit JSON <c>null</c> and clears the field on Vapi's side. Assign a value
/// directly: <c>update.AssistantId = null;</c> clears the assistant, <c>update.Name = "Front desk";</c> renames.
/// </summary>
/// <typeparam name="T">The field's type.</typeparam>
public readonly struct VapiOptional<T> : IEquatable<VapiOptional<T>>
{
    private readonly T _value;

    /// <summary>A field set to <paramref name="value"/> (which may be null, to clear it).</summary>
    public VapiOptional(T value)
    {
        _value = value;
        IsSet = true;
    }

    /// <summary>True when the field is set and will be sent.</summary>
    public bool IsSet { get; }

    /// <summary>The value; throws when the field is not set.</summary>
    /// <exception cref="InvalidOperationException">The field is not set.</exception>
    public T Value => IsSet ? _value : throw new InvalidOperationException("The field is not set; check IsSet first.");

    /// <summary>The value when set, otherwise <paramref name="fallback"/>.</summary>
    public T GetValueOrDefault(T fallback) => IsSet ? _value : fallback;

    /// <summary>Sets a field to <paramref name="value"/>.</summary>
    public static implicit operator VapiOptional<T>(T value) => new(value);

    /// <summary>Equal when both are unset, or both are set to equal values.</summary>
    public static bool operator ==(VapiOptional<T> left, VapiOptional<T> right) => left.Equals(right);

    /// <summary>Not equal when one is set and the other not, or their values differ.</summary>
    public static bool operator !=(VapiOptional<T> left, VapiOptional<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(VapiOptional<T> other) => IsSet == other.IsSet && (!IsSet || EqualityComparer<T>.Default.Equals(_value, other._value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VapiOptional<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsSet ? HashCode.Combine(true, _value) : 0;

    /// <summary>The value's text, <c>null</c>, or <c>(unset)</c>.</summary>
    public override string ToString() => IsSet ? _value?.ToString() ?? "null" : "(unset)";
}
