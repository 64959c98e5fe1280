namespace Dashboard.Tests.EndToEnd;

/// <summary>Browser tests run one after another: each starts a server and a Chromium, and the machine has two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "End to end";
}
