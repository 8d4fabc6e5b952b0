from django.urls import path

from canbo.work.views import catalog, tasks

app_name = "work"
urlpatterns = [
    path("catalogs/", catalog.catalog_list, name="catalogs"),
    path("catalogs/new/", catalog.catalog_create, name="catalog_create"),
    path("catalogs/<int:pk>/", catalog.catalog_detail, name="catalog"),
    path("catalogs/<int:pk>/items/new/", catalog.item_create, name="item_create"),
    path("catalogs/<int:pk>/publish/", catalog.catalog_publish, name="catalog_publish"),
    path("catalogs/<int:pk>/new-version/", catalog.catalog_new_version, name="catalog_new_version"),
    path("catalogs/<int:pk>/export.xlsx", catalog.catalog_export, name="catalog_export"),
    path("catalogs/<int:pk>/import/", catalog.catalog_import, name="catalog_import"),
    path("items/<int:pk>/", catalog.item_edit, name="item_edit"),
    path("tasks/mine/", tasks.my_tasks, name="my_tasks"),
    path("tasks/", tasks.unit_tasks, name="tasks"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task"),
    path("tasks/<int:pk>/explain/", tasks.task_explain, name="task_explain"),
    path("tasks/<int:pk>/act/", tasks.task_act, name="task_act"),
]
