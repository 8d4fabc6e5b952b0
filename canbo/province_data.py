"""The province's name as its documents write it (reference data, Vietnamese by nature): the
default of the PROVINCE_NAME setting, the root of the organisation tree."""

LAI_CHAU_NAME = "Tỉnh Lai Châu"
