using Bunit;
using Dashboard.App.Features.Users;
using Dashboard.Domain.Access;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Dashboard.Tests.App.Users;

public class EmailDomainsSectionTests : AppComponentTestBase
{
    [Fact]
    public async Task AddingADomain_ListsIt_AndAMalformedOneSaysWhy()
    {
        var admin = await SignInAsAsync(WorkspaceRole.Admin);
        Render<MudPopoverProvider>();
        var section = Render<EmailDomainsSection>(p => p.Add(s => s.Actor, admin));
        Assert.NotNull(section.Find("[data-testid=email-domains-empty]"));

        section.Find("input[data-testid=email-domain-input]").Input("acme");
        section.Find("[data-testid=email-domain-add]").Click();
        section.WaitForAssertion(() => Assert.Contains("\"acme\" is not a domain name", section.Find("[data-testid=email-domains]").TextContent));
        Assert.Empty(section.FindAll("[data-testid=email-domain-row]"));

        section.Find("input[data-testid=email-domain-input]").Input("@Acme.example");
        section.Find("input[data-testid=email-domain-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        section.WaitForAssertion(() => Assert.Contains("acme.example", Assert.Single(section.FindAll("[data-testid=email-domain-row]")).TextContent));
        Assert.Contains("Member", section.Find("[data-testid=email-domain-row]").TextContent);
        Assert.Contains("Pending", section.Find("[data-testid=email-domain-status]").TextContent);
        Assert.Contains("_dashboard-verify.acme.example", section.Find("[data-testid=email-domain-record]").TextContent);
    }
}
