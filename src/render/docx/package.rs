//! The ZIP package of one document, put together from records the zip crate wrote once.
//!
//! Every document shares all its parts but two (`word/document.xml` and
//! `docProps/core.xml`), and every byte around those two is the same from one document to
//! the next but for their checksums, sizes and places. So the zip crate writes the
//! skeleton once, with two empty entries for those parts ([`Package::from_zip`] reads its
//! records back); each document is then the shared records copied in one piece, the two
//! parts deflated into it, and the same records patched where the format says. This spares
//! a document what the zip crate does for each archive: a new compressor (about 300 KB
//! allocated and zeroed: more than a person's form deflates to), a reader over the
//! skeleton to copy its 16 parts one by one, and a central directory built entry by entry.
//!
//! A document's bytes are those the zip crate would write (tested part for part and byte
//! for byte against it): the same headers, and the same compressor given its input in the
//! same pieces, reset rather than made anew.

use std::cell::RefCell;
use std::io::{self, Write};

use flate2::Compression;
use flate2::write::DeflateEncoder;

use super::DocxError;

// The three ZIP records (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16): their signatures, fixed
// lengths, and where in them the fields read or patched here stand.
const LOCAL: u32 = 0x0403_4b50;
const LOCAL_LEN: usize = 30;
const LOCAL_CRC: usize = 14;
const LOCAL_COMPRESSED: usize = 18;
const LOCAL_SIZE: usize = 22;
const LOCAL_NAME_LEN: usize = 26;
const LOCAL_EXTRA_LEN: usize = 28;

const CENTRAL: u32 = 0x0201_4b50;
const CENTRAL_LEN: usize = 46;
const CENTRAL_CRC: usize = 16;
const CENTRAL_COMPRESSED: usize = 20;
const CENTRAL_SIZE: usize = 24;
const CENTRAL_NAME_LEN: usize = 28;
const CENTRAL_EXTRA_LEN: usize = 30;
const CENTRAL_COMMENT_LEN: usize = 32;
const CENTRAL_OFFSET: usize = 42;

const END: u32 = 0x0605_4b50;
const END_LEN: usize = 22;
const END_COUNT: usize = 10;
const END_CENTRAL_LEN: usize = 12;
const END_CENTRAL_AT: usize = 16;

/// Room a finished package may keep unused: a copy of a document to give back less is
/// not worth it.
const SLACK: usize = 4 * 1024;

/// The records of a package whose last two entries are written per document.
pub struct Package {
    /// The local records (header and compressed data) of the shared parts.
    shared: Vec<u8>,
    /// Their central directory records.
    shared_central: Vec<u8>,
    /// The entries written per document, in package order.
    own: [Entry; 2],
    /// The end of central directory record.
    end: Vec<u8>,
    level: u32,
}

/// The records of one entry written per document, as the zip crate wrote them for an
/// empty part: patched with the part's checksum, sizes and place.
struct Entry {
    local: Vec<u8>,
    central: Vec<u8>,
}

/// What one of the document's own parts came to.
#[derive(Clone, Copy)]
struct Written {
    offset: u32,
    crc: u32,
    compressed: u32,
    len: u32,
}

impl Package {
    /// Reads the records of `zip` (written by the zip crate, no comment, no ZIP64), whose
    /// last two entries are empty and deflated at `level`.
    pub fn from_zip(zip: &[u8], level: u32) -> Result<Package, String> {
        let end_at = zip.len().checked_sub(END_LEN).filter(|&at| u32_at(zip, at) == END).ok_or("no end record")?;
        let count = usize::from(u16_at(zip, end_at + END_COUNT));
        let central_at = u32_at(zip, end_at + END_CENTRAL_AT) as usize;
        let mut centrals = Vec::with_capacity(count);
        let mut at = central_at;
        for _ in 0..count {
            if u32_at(zip, at) != CENTRAL {
                return Err(format!("no central record at {at}"));
            }
            let len = CENTRAL_LEN
                + usize::from(u16_at(zip, at + CENTRAL_NAME_LEN))
                + usize::from(u16_at(zip, at + CENTRAL_EXTRA_LEN))
                + usize::from(u16_at(zip, at + CENTRAL_COMMENT_LEN));
            centrals.push(at..at + len);
            at += len;
        }
        let [.., document, core] = centrals.as_slice() else { return Err("fewer than two entries".into()) };
        let own_at = |central: &std::ops::Range<usize>| {
            let local = u32_at(zip, central.start + CENTRAL_OFFSET) as usize;
            let header = LOCAL_LEN
                + usize::from(u16_at(zip, local + LOCAL_NAME_LEN))
                + usize::from(u16_at(zip, local + LOCAL_EXTRA_LEN));
            let data = u32_at(zip, central.start + CENTRAL_COMPRESSED) as usize;
            (local, header, data)
        };
        let (document_at, document_header, document_data) = own_at(document);
        let (core_at, core_header, _) = own_at(core);
        if u32_at(zip, document_at) != LOCAL || core_at != document_at + document_header + document_data {
            return Err("the last two entries are not the last two records".into());
        }
        let entry = |local: usize, header: usize, central: &std::ops::Range<usize>| Entry {
            local: zip[local..local + header].to_vec(),
            central: zip[central.clone()].to_vec(),
        };
        Ok(Package {
            shared: zip[..document_at].to_vec(),
            shared_central: zip[central_at..document.start].to_vec(),
            own: [entry(document_at, document_header, document), entry(core_at, core_header, core)],
            end: zip[end_at..].to_vec(),
            level,
        })
    }

    /// The package with `body` (which writes `word/document.xml` into what it is given)
    /// and `core` (`docProps/core.xml`) as the document's own parts.
    pub fn write<E: From<DocxError>>(
        &self,
        body: impl FnOnce(&mut dyn Write) -> Result<(), E>,
        core: &[u8],
    ) -> Result<Vec<u8>, E> {
        let mut package = Vec::with_capacity(self.shared.len() + 32 * 1024);
        self.write_into(&mut package, body, core)?;
        // Rendered documents wait for their batch to be written, a thousand at once: with
        // the room left for a longer one they held three times their 14 KB (a heap
        // profile at 100,000 people: 52 MB at the peak).
        if package.capacity() - package.len() > SLACK {
            package.shrink_to_fit();
        }
        Ok(package)
    }

    /// [`Package::write`] onto `out`: a document in memory, or a long one straight
    /// into its file, which never holds it whole (a million people's report is 68 MB,
    /// and its vector grown and then shrunk stood twice beside itself).
    pub fn write_into<E: From<DocxError>>(
        &self,
        out: &mut impl Out,
        body: impl FnOnce(&mut dyn Write) -> Result<(), E>,
        core: &[u8],
    ) -> Result<(), E> {
        THREAD.with(|cell| match cell.try_borrow_mut() {
            Ok(mut thread) => self.write_with(&mut thread, out, body, core),
            // A document written while another is, on the same thread: its own compressor.
            Err(_) => self.write_with(&mut Thread { compressor: None, core: None }, out, body, core),
        })
    }

    /// [`Package::write_into`] with what `thread` keeps.
    fn write_with<E: From<DocxError>>(
        &self,
        thread: &mut Thread,
        out: &mut impl Out,
        body: impl FnOnce(&mut dyn Write) -> Result<(), E>,
        core: &[u8],
    ) -> Result<(), E> {
        let compressor =
            thread.compressor.get_or_insert_with(|| DeflateEncoder::new(Vec::new(), Compression::new(self.level)));
        out.write_all(&self.shared).map_err(DocxError::from)?;
        let document = self.part(compressor, out, 0, body)?;
        let core = self.core_part(compressor, &mut thread.core, out, core)?;
        self.central_directory(out, [document, core]).map_err(DocxError::from)?;
        Ok(())
    }

    /// Appends the local record of `docProps/core.xml` holding `core`: the last one's
    /// copied when it held the same (a build's documents mostly share their properties).
    fn core_part<E: From<DocxError>>(
        &self,
        compressor: &mut DeflateEncoder<Vec<u8>>,
        last: &mut Option<LastCore>,
        out: &mut impl Out,
        core: &[u8],
    ) -> Result<Written, E> {
        let offset = offset(out.written()).map_err(DocxError::from)?;
        if last.as_ref().is_none_or(|last| last.text != core) {
            let mut record = Vec::new();
            let written = self.part(compressor, &mut record, 1, |part: &mut dyn Write| {
                part.write_all(core).map_err(|e| E::from(DocxError::from(e)))
            })?;
            *last = Some(LastCore { text: core.to_vec(), record, written });
        }
        let last = last.as_ref().expect("the record of this core was just made");
        out.write_all(&last.record).map_err(DocxError::from)?;
        Ok(Written { offset, ..last.written })
    }

    /// Appends the central directory and its end record: the shared parts' as they
    /// are, the document's own parts' patched with what they came to.
    fn central_directory(&self, out: &mut impl Out, own: [Written; 2]) -> io::Result<()> {
        let central_at = offset(out.written())?;
        out.write_all(&self.shared_central)?;
        for (entry, written) in self.own.iter().zip(own) {
            let at = out.written();
            out.write_all(&entry.central)?;
            out.put(at + CENTRAL_CRC, written.crc)?;
            out.put(at + CENTRAL_COMPRESSED, written.compressed)?;
            out.put(at + CENTRAL_SIZE, written.len)?;
            out.put(at + CENTRAL_OFFSET, written.offset)?;
        }
        let central_len = offset(out.written())? - central_at;
        let at = out.written();
        out.write_all(&self.end)?;
        out.put(at + END_CENTRAL_LEN, central_len)?;
        out.put(at + END_CENTRAL_AT, central_at)
    }

    /// Appends the local record of own part `index` to `out`, its data written by `fill`
    /// through `compressor`.
    fn part<E: From<DocxError>>(
        &self,
        compressor: &mut DeflateEncoder<Vec<u8>>,
        out: &mut impl Out,
        index: usize,
        fill: impl FnOnce(&mut dyn Write) -> Result<(), E>,
    ) -> Result<Written, E> {
        let header_at = out.written();
        out.write_all(&self.own[index].local).map_err(DocxError::from)?;
        let data_at = out.written();
        // What the compressor makes is handed on in pieces from its own buffer, kept from
        // part to part; a failed part leaves the rest behind in it, cleared here.
        let mut buffer = std::mem::take(compressor.get_mut());
        buffer.clear();
        compressor.reset(buffer).map_err(DocxError::from)?;
        let mut counted = Counted { to: &mut *compressor, out: &mut *out, crc: crc32fast::Hasher::new(), len: 0 };
        fill(&mut counted)?;
        let (crc, len) = (counted.crc.finalize(), counted.len);
        compressor.try_finish().map_err(DocxError::from)?;
        hand_on(compressor, out).map_err(DocxError::from)?;
        let written = Written {
            offset: offset(header_at).map_err(DocxError::from)?,
            crc,
            compressed: offset(out.written() - data_at).map_err(DocxError::from)?,
            len: u32::try_from(len).map_err(|_| DocxError::from(too_large()))?,
        };
        out.put(header_at + LOCAL_CRC, written.crc)
            .and_then(|()| out.put(header_at + LOCAL_COMPRESSED, written.compressed))
            .and_then(|()| out.put(header_at + LOCAL_SIZE, written.len))
            .map_err(DocxError::from)?;
        Ok(written)
    }
}

/// Where a package is written: bytes appended, and a few of them patched once what they
/// count is known.
pub trait Out: Write {
    /// How many bytes were written.
    fn written(&self) -> usize;
    /// Puts `bytes` at `at`, over bytes written.
    fn patch(&mut self, at: usize, bytes: &[u8]) -> io::Result<()>;

    /// Puts `value` (little-endian, as every field of the ZIP records) at `at`.
    fn put(&mut self, at: usize, value: u32) -> io::Result<()> {
        self.patch(at, &value.to_le_bytes())
    }
}

impl Out for Vec<u8> {
    fn written(&self) -> usize {
        self.len()
    }

    fn patch(&mut self, at: usize, bytes: &[u8]) -> io::Result<()> {
        self[at..at + bytes.len()].copy_from_slice(bytes);
        Ok(())
    }
}

/// A package written into a file through a buffer: a patch goes back to its place.
pub struct FileOut<'f> {
    file: io::BufWriter<&'f mut std::fs::File>,
    written: usize,
}

impl<'f> FileOut<'f> {
    pub fn new(file: &'f mut std::fs::File) -> FileOut<'f> {
        FileOut { file: io::BufWriter::with_capacity(256 * 1024, file), written: 0 }
    }
}

impl Write for FileOut<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let taken = self.file.write(buf)?;
        self.written += taken;
        Ok(taken)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Out for FileOut<'_> {
    fn written(&self) -> usize {
        self.written
    }

    fn patch(&mut self, at: usize, bytes: &[u8]) -> io::Result<()> {
        use std::io::{Seek, SeekFrom};
        self.file.flush()?;
        let file = self.file.get_mut();
        file.seek(SeekFrom::Start(at as u64))?;
        file.write_all(bytes)?;
        file.seek(SeekFrom::Start(self.written as u64)).map(drop)
    }
}

/// Moves what `compressor` has made so far onto `out`, keeping its buffer's room.
fn hand_on(compressor: &mut DeflateEncoder<Vec<u8>>, out: &mut impl Out) -> io::Result<()> {
    let made = compressor.get_mut();
    out.write_all(made)?;
    made.clear();
    Ok(())
}

thread_local! {
    static THREAD: RefCell<Thread> = const { RefCell::new(Thread { compressor: None, core: None }) };
}

/// What a thread keeps from one document to the next.
struct Thread {
    /// Reset for each part: making a compressor allocates and zeroes its window and tables.
    compressor: Option<DeflateEncoder<Vec<u8>>>,
    /// The last `docProps/core.xml` and its local record, whose bytes do not depend on
    /// where it stands.
    core: Option<LastCore>,
}

struct LastCore {
    text: Vec<u8>,
    record: Vec<u8>,
    written: Written,
}

/// What a part is written through: the compressor, with the checksum and length of what
/// went into it.
struct Counted<'a, O> {
    to: &'a mut DeflateEncoder<Vec<u8>>,
    /// Where what the compressor made goes, a [`HAND_ON`] at a time.
    out: &'a mut O,
    crc: crc32fast::Hasher,
    len: u64,
}

/// How much of a part's compressed data waits in the compressor before it goes on.
const HAND_ON: usize = 256 * 1024;

impl<O: Out> Write for Counted<'_, O> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // As the zip crate: nothing handed on for nothing.
        if buf.is_empty() {
            return Ok(0);
        }
        let taken = self.to.write(buf)?;
        self.crc.update(&buf[..taken]);
        self.len += taken as u64;
        if self.to.get_ref().len() >= HAND_ON {
            hand_on(self.to, self.out)?;
        }
        Ok(taken)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.to.flush()
    }
}

fn offset(at: usize) -> io::Result<u32> {
    u32::try_from(at).map_err(|_| too_large())
}

/// A package past 4 GiB would need ZIP64 records, which Word reads but the zip crate
/// only writes when asked in advance; no document comes near it.
fn too_large() -> io::Error {
    io::Error::other("tệp DOCX vượt quá 4 GiB")
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes.get(at..at + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    bytes.get(at..at + 2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use zip::ZipWriter;
    use zip::write::SimpleFileOptions;

    use super::*;

    const SHARED: [(&str, &str); 2] = [("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<w:styles/>")];

    /// A package as the zip crate writes it: the shared parts, then `own` at `LEVEL`,
    /// each written in the pieces given.
    fn zip_crate(own: [(&str, &[&[u8]]); 2]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, xml) in SHARED {
            zip.start_file(name, SimpleFileOptions::default()).unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
        }
        for (name, pieces) in own {
            zip.start_file(name, SimpleFileOptions::default().compression_level(Some(1))).unwrap();
            for piece in pieces {
                zip.write_all(piece).unwrap();
            }
        }
        zip.finish().unwrap().into_inner()
    }

    fn package() -> Package {
        Package::from_zip(&zip_crate([("word/document.xml", &[]), ("docProps/core.xml", &[])]), 1).unwrap()
    }

    /// A body of `len` bytes that compresses like a document's: repeated, not uniform.
    fn body(len: usize) -> Vec<u8> {
        let text = b"<w:p><w:r><w:t>Nguyen Van A</w:t></w:r></w:p>";
        (0..len).map(|i| text[i % text.len()] ^ ((i / 997) % 7) as u8).collect()
    }

    fn write(package: &Package, pieces: &[&[u8]], core: &[u8]) -> Result<Vec<u8>, DocxError> {
        package.write(
            |part: &mut dyn Write| {
                for piece in pieces {
                    part.write_all(piece)?;
                }
                Ok::<(), DocxError>(())
            },
            core,
        )
    }

    #[test]
    fn documents_are_byte_for_byte_what_the_zip_crate_writes() {
        let package = package();
        let long = body(700_000);
        let cases: [&[&[u8]]; 4] = [&[b"<w:body/>"], &[&long[..300_000], &long[300_000..]], &[&long[..1000]], &[]];
        let cores: [&[u8]; 2] = [b"<cp:coreProperties>x</cp:coreProperties>", b"<cp:coreProperties/>"];
        // Twice over: the second time every part is deflated by a compressor reset. The
        // document properties change or stay from one document to the next: the last
        // ones are copied whole.
        for (n, pieces) in cases.iter().chain(cases.iter()).enumerate() {
            let core = cores[n / 3 % 2];
            let ours = write(&package, pieces, core).unwrap();
            let theirs = zip_crate([("word/document.xml", pieces), ("docProps/core.xml", &[core])]);
            assert!(ours == theirs, "a package of {} bytes differs", theirs.len());
            // Held until its batch is written: no more room than it needs.
            assert!(ours.capacity() - ours.len() <= SLACK, "{} bytes in {}", ours.len(), ours.capacity());
        }
    }

    #[test]
    fn a_document_written_into_its_file_is_the_one_written_in_memory() {
        let package = package();
        // Long enough that its compressed data goes on in several pieces, each patch
        // then going back over what the file has already taken.
        let mut state = 1u32;
        let long: Vec<u8> = (0..1_000_000)
            .map(|_| {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (state >> 24) as u8
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        for (n, pieces) in [&[&long[..]][..], &[b"<w:body/>"]].into_iter().enumerate() {
            let mut file = std::fs::File::create(dir.path().join(format!("{n}.docx"))).unwrap();
            let mut out = FileOut::new(&mut file);
            let fill = |part: &mut dyn Write| pieces.iter().try_for_each(|piece| part.write_all(piece));
            package.write_into(&mut out, |part| fill(part).map_err(DocxError::from), b"core").unwrap();
            out.flush().unwrap();
            drop(out);
            let in_memory = write(&package, pieces, b"core").unwrap();
            assert!(in_memory.len() > HAND_ON || n == 1, "the long body compresses to {} bytes", in_memory.len());
            assert!(std::fs::read(dir.path().join(format!("{n}.docx"))).unwrap() == in_memory, "document {n}");
        }
    }

    #[test]
    fn a_failed_document_leaves_the_next_one_whole() {
        let package = package();
        let failed = package.write(
            |part: &mut dyn Write| {
                part.write_all(&body(50_000))?;
                Err(DocxError::Pack("stopped".into()))
            },
            b"core",
        );
        assert!(failed.is_err());
        let next = write(&package, &[b"<w:body/>"], b"core").unwrap();
        assert!(next == zip_crate([("word/document.xml", &[b"<w:body/>"]), ("docProps/core.xml", &[b"core"])]));
    }

    #[test]
    fn a_document_written_while_another_is_gets_a_compressor_of_its_own() {
        let package = package();
        let mut inner = None;
        let outer = package
            .write(
                |part: &mut dyn Write| {
                    part.write_all(b"<w:body>")?;
                    inner = Some(write(&package, &[b"<w:p/>"], b"inner core"));
                    part.write_all(b"</w:body>")?;
                    Ok::<(), DocxError>(())
                },
                b"outer core",
            )
            .unwrap();
        let theirs =
            |body: &[u8], core: &[u8]| zip_crate([("word/document.xml", &[body]), ("docProps/core.xml", &[core])]);
        assert!(inner.unwrap().unwrap() == theirs(b"<w:p/>", b"inner core"));
        assert!(
            outer
                == zip_crate([
                    ("word/document.xml", &[b"<w:body>", b"</w:body>"]),
                    ("docProps/core.xml", &[b"outer core"])
                ])
        );
    }

    #[test]
    fn a_package_without_the_records_it_needs_is_refused() {
        assert!(Package::from_zip(b"not a zip", 1).is_err());
        let one = {
            let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
            zip.start_file("word/document.xml", SimpleFileOptions::default()).unwrap();
            zip.finish().unwrap().into_inner()
        };
        assert!(Package::from_zip(&one, 1).is_err());
    }
}
