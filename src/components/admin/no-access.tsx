/** What a signed-in person sees on an admin page their role does not open. */
export function NoAccess() {
  return (
    <>
      <h1 className="admin-title">Không có quyền truy cập</h1>
      <p className="admin-lead">Bạn không có quyền truy cập trang này.</p>
    </>
  );
}
