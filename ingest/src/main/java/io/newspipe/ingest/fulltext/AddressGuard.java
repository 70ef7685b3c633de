package io.newspipe.ingest.fulltext;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses URLs whose host resolves to an address a feed must not make ingest visit: loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata — and
 * fe80::/10), carrier-grade NAT (100.64/10), wildcard and multicast. Every address of the host is
 * checked, and every redirect hop. (A DNS answer that changes between this check and the connection
 * is not caught; an egress firewall is the stronger control.)
 */
final class AddressGuard {

  private final boolean allowLoopback;
  private final boolean allowPrivate;

  AddressGuard(boolean allowLoopback, boolean allowPrivate) {
    this.allowLoopback = allowLoopback;
    this.allowPrivate = allowPrivate;
  }

  void check(URI url) throws FetchRefused {
    if (allowPrivate && allowLoopback) {
      return;
    }
    String host = url.getHost();
    if (host == null) {
      throw new FetchRefused(url + " has no host");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchRefused("host " + host + " of " + url + " does not resolve", e);
    }
    for (InetAddress address : addresses) {
      boolean loopback = address.isLoopbackAddress();
      if (loopback ? !allowLoopback : !allowPrivate && isPrivate(address)) {
        throw new FetchRefused(
            url
                + " resolves to the non-public address "
                + address.getHostAddress()
                + "; refused, a feed must not make ingest visit the local network");
      }
    }
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      return (b[0] & 0xFE) == 0xFC; // unique local fc00::/7
    }
    return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64 // 100.64.0.0/10
        || (b[0] & 0xFF) == 0; // 0.0.0.0/8
  }
}
