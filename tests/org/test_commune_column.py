"""Lists that span communes show the commune beside the department."""

from datetime import date

from canbo.work.task_services import assign_task


def test_people_list_names_the_commune_for_the_province(client, world):
    client.force_login(world.users["personnel"])
    html = client.get("/people/").content.decode()
    row = html.split("Tẩn Láo Lở")[1].split("</tr>")[0]
    assert "<td>Phường Đoàn Kết</td>" in row and "<td>Văn phòng HĐND và UBND</td>" in row
    client.force_login(world.users["chair"])
    assert "<th>Xã</th>" not in client.get("/people/").content.decode()


def test_unit_tasks_name_the_commune_for_the_province(client, world):
    assign_task(
        None,
        name="Rà soát hộ nghèo",
        assignee=world.people["outsider"],
        coefficient=1,
        assigned_date=date(2026, 10, 1),
        due_date=date(2026, 10, 20),
    )
    client.force_login(world.users["personnel"])
    html = client.get("/work/tasks/").content.decode()
    row = html.split("Rà soát hộ nghèo")[1].split("</tr>")[0]
    assert "<td>Phường Đoàn Kết</td>" in row
