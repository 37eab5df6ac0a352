namespace Cisa.Crm.Core.Companies;

/// <summary>What a company is to the firm.</summary>
public enum CompanyType
{
    Prospect,
    Customer,
    Supplier,
    RecruitmentAgency,
    Subcontractor,
}
