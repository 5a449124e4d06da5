namespace VapiExotel.Integration;

/// <summary>
/// The integration's one exception: a setup or teardown that did not complete (with the <see cref="Report"/> of
/// what exists now), a call that cannot be placed until setup has run, or a conflict with resources the integration
/// does not own. Errors of the services themselves come as the clients' <c>ExotelException</c> and <c>VapiException</c>.
/// Its message never carries a secret.
/// </summary>
public class VapiExotelException : Exception
{
    /// <summary>Creates an exception.</summary>
    public VapiExotelException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    public VapiExotelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public VapiExotelException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>For a setup or teardown that did not complete: each step and what exists now. A rerun resumes from there.</summary>
    public IntegrationReport? Report { get; init; }
}
