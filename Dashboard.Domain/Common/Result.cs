namespace Dashboard.Domain.Common;

/// <summary>Why an expected operation failed; each kind maps to one way the UI and the API react.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>An expected failure with a message a person can act on, and optionally the field it concerns.</summary>
public sealed record Error(ErrorKind Kind, string Message, string? Field = null)
{
    /// <summary>
    /// The save was refused because someone else changed the thing since this person's page read it: what they did
    /// stands, and the page should offer to reload rather than show an error in a field.
    /// </summary>
    public bool ChangedMeanwhile { get; init; }

    /// <summary>A <see cref="ErrorKind.Conflict"/> that is <see cref="ChangedMeanwhile"/>.</summary>
    public static Error Stale(string message) => new(ErrorKind.Conflict, message) { ChangedMeanwhile = true };

    public static Error Invalid(string message, string? field = null) => new(ErrorKind.Invalid, message, field);
    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);
    public static Error Forbidden(string message) => new(ErrorKind.Forbidden, message);
    public static Error Conflict(string message, string? field = null) => new(ErrorKind.Conflict, message, field);
}

/// <summary>The outcome of an operation that can fail in expected ways. Exceptions are for bugs.</summary>
public class Result
{
    protected Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool Succeeded => Error is null;

    public static Result Success() => new(null);
    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeds.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T value) : base(null) => _value = value;
    private Result(Error error) : base(error) { }

    /// <summary>The value; reading it from a failed result is a bug.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"No value: {Error!.Message}");

    public static Result<T> Success(T value) => new(value);
    public static new Result<T> Failure(Error error) => new(error);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}
