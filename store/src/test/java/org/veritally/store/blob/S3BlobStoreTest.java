package org.veritally.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.veritally.store.Database;
import org.veritally.store.StoreException;
import org.veritally.testkit.Await;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The blob storage conformance suite on a real S3 server in the test JVM: S3Proxy on a loopback port, over jclouds'
 * in-memory ("transient") store, with SigV4 authentication. A bucket per test.
 */
class S3BlobStoreTest extends BlobStoreConformance {
    static final String ACCESS = "veritally-test";
    static final String SECRET = "veritally-test-secret";
    static S3Proxy proxy;
    static BlobStoreContext context;
    static S3Client admin;
    static URI endpoint;
    static int buckets;

    @BeforeAll
    static void startS3() throws Exception {
        context = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials(ACCESS, SECRET)
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        Await.until("S3Proxy has started", () -> "STARTED".equals(proxy.getState()));
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        admin = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .build();
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (admin != null) admin.close();
        if (proxy != null) proxy.stop();
        if (context != null) context.close();
    }

    static String uri(String bucketAndPrefix) {
        return "s3://" + bucketAndPrefix + "?endpoint=" + endpoint + "&region=us-east-1&accessKey=" + ACCESS
                + "&secretKey=" + SECRET;
    }

    @Override
    BlobStore freshStore() {
        String bucket = "evidence-" + (++buckets);
        admin.createBucket(r -> r.bucket(bucket));
        return BlobStores.open(uri(bucket + "/photos"), Database.sqlite(java.nio.file.Path.of("unused.sqlite")));
    }

    /** Puts other bytes under the blob's key with the SDK directly. */
    @Override
    void tamper(String name, byte[] other) {
        BlobLocation.S3 at = ((S3BlobStore) store).at();
        admin.putObject(r -> r.bucket(at.bucket()).key(at.prefix() + name), RequestBody.fromBytes(other));
    }

    @Test
    void theKeyIsThePrefixAndTheNameAndOtherKeysAreNotBlobs() {
        String name = store.put("abc".getBytes(StandardCharsets.US_ASCII));
        BlobLocation.S3 at = ((S3BlobStore) store).at();
        assertThat(at.prefix()).isEqualTo("photos/");
        assertThat(admin.headObject(r -> r.bucket(at.bucket()).key("photos/" + name))
                        .contentLength())
                .isEqualTo(3);
        admin.putObject(r -> r.bucket(at.bucket()).key("photos/readme.txt"), RequestBody.fromString("x"));
        admin.putObject(r -> r.bucket(at.bucket()).key(EMPTY), RequestBody.fromString("outside the prefix"));
        assertThat(listed(store)).containsExactly(name);
        assertThat(store.has(EMPTY)).isFalse();
    }

    @Test
    void aMissingBucketOrWrongSecretFailsOnOpen() {
        assertThatThrownBy(() -> BlobStores.open(uri("no-such-bucket"), Database.sqlite(java.nio.file.Path.of("u"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no-such-bucket");
        admin.createBucket(r -> r.bucket("wrong-secret"));
        String wrong = uri("wrong-secret").replace("secretKey=" + SECRET, "secretKey=nope");
        assertThatThrownBy(() -> BlobStores.open(wrong, Database.sqlite(java.nio.file.Path.of("u"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("wrong-secret")
                .hasMessageNotContaining("nope");
    }
}
