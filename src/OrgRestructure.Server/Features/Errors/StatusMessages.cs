namespace OrgRestructure.Server.Features.Errors;

/// <summary>What an HTTP status means to the person who got it, in Vietnamese and English.</summary>
public static class StatusMessages
{
    public static (string Vi, string En) Of(int status) => status switch
    {
        404 => ("Không tìm thấy trang hoặc mục này.", "This page or item was not found."),
        405 => ("Phương thức không được hỗ trợ cho địa chỉ này.", "Method not allowed for this address."),
        401 => ("Bạn cần đăng nhập.", "Sign in first."),
        403 => ("Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this."),
        415 => ("Kiểu nội dung không được hỗ trợ; hãy gửi application/json.", "Unsupported content type; send application/json."),
        _ => ("Yêu cầu không thành công.", "The request failed."),
    };
}
