package org.veritally.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code --evidence} locations, and the refusal of everything else (STORE-BLOB-URI). */
class BlobLocationTest {
    @Test
    void aDirectoryIsDirColonPathOrAPlainPath() {
        assertThat(BlobLocation.parse("dir:/srv/vt/evidence"))
                .isEqualTo(new BlobLocation.Directory(Path.of("/srv/vt/evidence")));
        assertThat(BlobLocation.parse("data/evidence")).isEqualTo(new BlobLocation.Directory(Path.of("data/evidence")));
        assertThat(BlobStores.defaultDirectory(Path.of("/srv/vt"))).isEqualTo(Path.of("/srv/vt/evidence"));
    }

    @Test
    void postgresIsTheInstancesOwnDatabase() {
        assertThat(BlobLocation.parse("postgres")).isInstanceOf(BlobLocation.Postgres.class);
        assertThat(BlobLocation.parse(" postgresql ")).isInstanceOf(BlobLocation.Postgres.class);
    }

    @Test
    void anS3LocationHasABucketAnOptionalPrefixAndItsParameters() {
        var s3 = (BlobLocation.S3) BlobLocation.parse("s3://vt-evidence/2026/photos?endpoint=http://127.0.0.1:9000"
                + "&region=eu-west-3&accessKey=AK&secretKey=s%2Fcr%26t");
        assertThat(s3.bucket()).isEqualTo("vt-evidence");
        assertThat(s3.prefix()).isEqualTo("2026/photos/");
        assertThat(s3.endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(s3.region()).contains("eu-west-3");
        assertThat(s3.accessKey()).contains("AK");
        assertThat(s3.secretKey()).contains("s/cr&t");
        assertThat(s3.toString()).doesNotContain("s/cr&t").doesNotContain("cr%26t");
        var bare = (BlobLocation.S3) BlobLocation.parse("s3://vt-evidence");
        assertThat(bare.prefix()).isEmpty();
        assertThat(bare.endpoint()).isEmpty();
        assertThat(bare.accessKey()).isEqualTo(Optional.empty());
    }

    @Test
    void storeBlobUriAnythingElseIsRefusedSayingWhy() {
        for (List<String> bad : List.of(
                List.of("", "no location given"),
                List.of("dir:", "names no directory"),
                List.of("ftp://host/x", "unknown scheme ftp://"),
                List.of("s3://", "names no bucket"),
                List.of("s3:///prefix", "names no bucket"),
                List.of("s3://Upper_Case", "not an S3 bucket name"),
                List.of("s3://b?endpoint=http://h:1", "not an S3 bucket name"),
                List.of("s3://bucket?endpoint=ftp://h", "not an http:// or https:// URL"),
                List.of("s3://bucket?region=", "is empty"),
                List.of("s3://bucket?regoin=eu-west-3", "unknown parameter \"regoin\""),
                List.of("s3://bucket?region=a&region=b", "given twice"),
                List.of("s3://bucket?accessKey=AK", "go together"),
                List.of("s3://bucket?secretKey=TOPSECRET", "go together"))) {
            assertThatThrownBy(() -> BlobLocation.parse(bad.get(0)))
                    .as(bad.get(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("STORE-BLOB-URI: --evidence ")
                    .hasMessageContaining(bad.get(1))
                    .hasMessageContaining("the forms are dir:PATH")
                    .hasMessageNotContaining("TOPSECRET");
        }
    }
}
