package org.veritally.store.blob;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.veritally.store.StoreException;
import org.veritally.store.StoreRule;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of an S3 bucket (AWS, or any S3-compatible service at {@code endpoint}), under the key {@code
 * PREFIX<sha256>}, with path-style addressing ({@code endpoint/bucket/key}, which every S3-compatible server takes).
 * The AWS SDK for Java v2 with the JDK's blocking {@code HttpURLConnection} client.
 *
 * <p>A put asks (HEAD) whether the key is there and uploads only if not: an upload S3 acknowledges is durable. Two
 * instances that put the same bytes at once may both upload; the key holds the same bytes either way. (A conditional
 * {@code If-None-Match: *} upload would make that one request, but S3-compatible servers such as S3Proxy 2.6 ignore it
 * on a put.) Checksums beyond SigV4's signed payload are left to the reads: every get hashes the bytes ({@code
 * STORE-BLOB-HASH}).
 *
 * <p>Opening checks that the bucket can be reached. Thread-safe (the SDK client is).
 */
public final class S3BlobStore implements BlobStore {
    private final BlobLocation.S3 at;
    private final S3Client s3;

    /**
     * Opens the bucket at {@code at}.
     *
     * @throws IllegalArgumentException {@code STORE-BLOB-URI} if no region is given nor configured
     * @throws StoreException if the bucket cannot be reached or does not exist
     */
    public S3BlobStore(BlobLocation.S3 at) {
        this.at = at;
        Region region = at.region().map(Region::of).orElseGet(() -> configuredRegion(at));
        AwsCredentialsProvider credentials = at.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        at.accessKey().orElseThrow(), at.secretKey().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                // CRC trailers only where S3 requires them: S3-compatible servers differ in what they take
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        at.endpoint().ifPresent(b::endpointOverride);
        this.s3 = b.build();
        try {
            s3.headBucket(r -> r.bucket(at.bucket()));
        } catch (SdkException e) {
            s3.close();
            throw failure("reach the bucket", e);
        }
    }

    private static Region configuredRegion(BlobLocation.S3 at) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            throw new IllegalArgumentException(
                    StoreRule.STORE_BLOB_URI + ": --evidence " + at + ": no region; add ?region=… or set AWS_REGION");
        }
    }

    @Override
    public String put(byte[] bytes) {
        String name = BlobHash.of(bytes);
        try {
            if (head(name).isPresent()) return name;
            s3.putObject(
                    r -> r.bucket(at.bucket())
                            .key(at.prefix() + name)
                            .contentLength((long) bytes.length)
                            .contentType("application/octet-stream"),
                    RequestBody.fromBytes(bytes));
            return name;
        } catch (SdkException e) {
            throw failure("store the blob " + name, e);
        }
    }

    @Override
    public Optional<byte[]> get(String sha256hex) {
        BlobHash.require(sha256hex);
        ResponseBytes<GetObjectResponse> got;
        try {
            got = s3.getObjectAsBytes(r -> r.bucket(at.bucket()).key(at.prefix() + sha256hex));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            if (e instanceof S3Exception s && s.statusCode() == 404) return Optional.empty();
            throw failure("read the blob " + sha256hex, e);
        }
        return Optional.of(BlobHash.checked(sha256hex, got.asByteArrayUnsafe(), at.toString()));
    }

    @Override
    public boolean has(String sha256hex) {
        BlobHash.require(sha256hex);
        try {
            return head(sha256hex).isPresent();
        } catch (SdkException e) {
            throw failure("look up the blob " + sha256hex, e);
        }
    }

    @Override
    public OptionalLong size(String sha256hex) {
        BlobHash.require(sha256hex);
        try {
            return head(sha256hex).map(h -> OptionalLong.of(h.contentLength())).orElse(OptionalLong.empty());
        } catch (SdkException e) {
            throw failure("read the size of the blob " + sha256hex, e);
        }
    }

    private Optional<HeadObjectResponse> head(String name) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(at.bucket()).key(at.prefix() + name)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Lists the keys under the prefix, a page at a time; S3 lists keys in ascending (UTF-8 binary) order. */
    @Override
    public void forEachHash(Consumer<String> action) {
        try {
            for (S3Object o : s3.listObjectsV2Paginator(
                            r -> r.bucket(at.bucket()).prefix(at.prefix()))
                    .contents()) {
                String name = o.key().substring(at.prefix().length());
                if (BlobHash.valid(name)) action.accept(name);
            }
        } catch (SdkException e) {
            throw failure("list the blobs", e);
        }
    }

    @Override
    public String location() {
        return at.toString();
    }

    /** The bucket and prefix (for the tests, which alter an object behind the store's back). */
    public BlobLocation.S3 at() {
        return at;
    }

    @Override
    public void close() {
        s3.close();
    }

    private StoreException failure(String what, SdkException e) {
        return new StoreException("cannot " + what + " in " + at + ": " + e.getMessage(), e);
    }
}
