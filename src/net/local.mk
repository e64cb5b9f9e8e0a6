# net module: the curl multi fetcher.
noinst_LIBRARIES += src/net/libnet.a
src_net_libnet_a_SOURCES = \
	src/net/net.h src/net/net-int.h \
	src/net/net-decode.c src/net/net-decode.h \
	src/net/net-headers.c \
	src/net/net.c \
	src/net/net-xfer.c
MODULE_LIBS += src/net/libnet.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-net
TESTS += tests/unit/test-net
tests_unit_test_net_SOURCES = tests/unit/test-net.c
tests_unit_test_net_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_net_LDADD = src/net/libnet.a src/util/libutil.a \
	$(CURL_LIBS) $(INFLATE_LIBS) $(CMOCKA_LIBS)
endif
