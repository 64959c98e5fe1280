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

    [Fact]
    public async Task ARoleOnlyInternalMembersMayHold_SwitchesTheTypeToInternal_AndShowsIt()
    {
        var admin = await SignInAsAsync(WorkspaceRole.Admin);
        var section = Render<EmailDomainsSection>(p => p.Add(s => s.Actor, admin));
        string OptionIndex(string select, string text) => section.FindAll($"select[data-testid={select}] option")
            .Single(o => o.TextContent.Trim() == text).GetAttribute("value")!;

        section.Find("select[data-testid=email-domain-type]").Change(OptionIndex("email-domain-type", "External"));
        Assert.Equal(OptionIndex("email-domain-type", "External"), section.Find("select[data-testid=email-domain-type]").GetAttribute("value"));

        section.Find("select[data-testid=email-domain-role]").Change(OptionIndex("email-domain-role", "Admin"));

        Assert.Equal(OptionIndex("email-domain-type", "Internal"), section.Find("select[data-testid=email-domain-type]").GetAttribute("value"));
        Assert.True(section.FindAll("select[data-testid=email-domain-type] option").Single(o => o.TextContent.Trim() == "External").HasAttribute("disabled"));
    }
}
