using System.Diagnostics.CodeAnalysis;

namespace HealthTwin;

/// <summary>
/// An <see cref="ArgumentException"/> whose <see cref="Message"/> is the validation text alone, without the runtime's
/// " (Parameter 'name')" suffix; <see cref="ArgumentException.ParamName"/> still names the argument. Callers catch it as
/// <see cref="ArgumentException"/>. Linked into each HealthTwin package (src/Shared).
/// </summary>
[SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Thrown and caught as the public ArgumentException; only the message text differs.")]
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Always created with a message and the argument's name.")]
internal sealed class InvalidArgumentException : ArgumentException
{
    private readonly string _message;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the value and what is allowed.</param>
    /// <param name="paramName">The argument's name.</param>
    public InvalidArgumentException(string message, string paramName)
        : base(message, paramName) => _message = message;

    /// <inheritdoc />
    public override string Message => _message;
}
