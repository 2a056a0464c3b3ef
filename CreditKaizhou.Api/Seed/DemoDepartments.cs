using CreditKaizhou.Domain.Departments;

namespace CreditKaizhou.Api.Seed;

public static class DemoDepartments
{
    public static readonly IReadOnlyList<Department> All =
    [
        new("SCJGJ", "重庆市开州区市场监督管理局", "区市场监督管理局", null, 1),
        new("SWJ", "国家税务总局重庆市开州区税务局", "区税务局", null, 2),
        new("FY", "重庆市开州区人民法院", "区人民法院", null, 3),
    ];
}
