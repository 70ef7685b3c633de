package io.newspipe.ingest.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "fc00::1",
        "fe80::1",
        "224.0.0.1"
      })
  void shouldCallNonPublicAddressesPrivate(String ip) throws Exception {
    assertThat(AddressGuard.isPrivate(InetAddress.getByName(ip))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"})
  void shouldCallPublicAddressesPublic(String ip) throws Exception {
    assertThat(AddressGuard.isPrivate(InetAddress.getByName(ip))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1/x", "http://10.0.0.5/x", "http://[::1]/x"})
  void shouldRefuseLoopbackAndPrivateByDefault(String url) {
    assertThatThrownBy(() -> new AddressGuard(false, false).check(URI.create(url)))
        .isInstanceOf(FetchRefused.class)
        .hasMessageContaining("non-public address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/x", "http://[::1]/x"})
  void shouldAllowLoopbackOnlyWhenConfigured(String url) {
    assertThatCode(() -> new AddressGuard(true, false).check(URI.create(url)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new AddressGuard(true, false).check(URI.create("http://10.0.0.5/")))
        .isInstanceOf(FetchRefused.class);
  }
}
