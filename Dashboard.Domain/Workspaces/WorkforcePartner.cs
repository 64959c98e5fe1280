using Dashboard.Domain.Common;

namespace Dashboard.Domain.Workspaces;

/// <summary>
/// A client workspace a workforce workspace serves: only a client on its Admin's list finds the workforce's people
/// and can bring them in as Workforce Taskers (docs/product.md "User types").
/// </summary>
public sealed class WorkforcePartner
{
    private WorkforcePartner() { }

    public WorkforcePartner(Guid workforceWorkspaceId, Guid clientWorkspaceId, DateTimeOffset addedAt)
    {
        Id = Ids.New();
        WorkforceWorkspaceId = workforceWorkspaceId;
        ClientWorkspaceId = clientWorkspaceId;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }
    public Guid WorkforceWorkspaceId { get; private set; }
    public Guid ClientWorkspaceId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
