namespace Dashboard.Domain.Common;

public static class Ids
{
    /// <summary>Time-ordered ids keep inserts at the end of every primary-key index.</summary>
    public static Guid New() => Guid.CreateVersion7();
}
